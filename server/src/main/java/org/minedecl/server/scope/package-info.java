/**
 * What a caller may see and do, as the reading and deciding services take it: a {@link
 * org.minedecl.server.scope.Scope} (regulator jurisdictions, or enterprises with their mining licences) and its SQL
 * condition. Controllers obtain it from {@link org.minedecl.server.scope.Scopes}.
 */
package org.minedecl.server.scope;
