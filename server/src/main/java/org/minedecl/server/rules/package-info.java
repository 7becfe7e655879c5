/** The rule engine as the server runs it (one instance, the bundled packs) and {@code GET /api/v1/rules}. */
package org.minedecl.server.rules;
