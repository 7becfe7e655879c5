/**
 * What a caller may see and do, as the reading and deciding services take it: a {@link
 * org.minedecl.server.scope.Scope} (regulator jurisdictions, or enterprises with their mining licences) and its SQL
 * condition. Controllers obtain it from {@code auth.Scopes} (the logged-in principal, through
 * {@code access.AccessService}).
 */
package org.minedecl.server.scope;
