/**
 * Who may read and decide what (CONTRACTS section 7): the {@link org.minedecl.server.access.Principal} a token
 * proves, and the one {@link org.minedecl.server.access.AccessService} that answers "may P read submission S",
 * "may P decide on S" and "what may P see in a list". Out of scope reads as 404 and is left out of lists; an
 * action outside the role is 403 {@code FORBIDDEN}. Depends on {@code problem} only; the live delegations it
 * needs come through {@link org.minedecl.server.access.Grants}, which the {@code delegation} feature implements.
 */
package org.minedecl.server.access;
