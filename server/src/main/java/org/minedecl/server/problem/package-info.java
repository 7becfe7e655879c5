/**
 * RFC 7807 problem responses ({@code application/problem+json} with a stable {@code code}): the one place where
 * every error of the HTTP API, ours and Micronaut's, becomes a response. Never a stack trace.
 */
package org.minedecl.server.problem;
