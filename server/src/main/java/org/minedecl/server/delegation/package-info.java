/**
 * Delegations (委托代理, CONTRACTS section 8): an enterprise's signed {@code delegation/1} package lets a
 * consultant read its filings and, with the SIGN scope, sign them, between two dates and until revoked. The live
 * delegations are what {@code access} asks for ({@link org.minedecl.server.access.Grants}). Depends on
 * {@code access}, {@code auth}, {@code trust}, {@code config}, {@code problem}.
 */
package org.minedecl.server.delegation;
