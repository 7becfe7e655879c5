/** The hand-written OpenAPI description of the HTTP API, served at {@code /api/v1/openapi.yml}. */
package org.minedecl.server.apidoc;
