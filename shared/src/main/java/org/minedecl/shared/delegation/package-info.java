/**
 * The {@code delegation/1} document (委托代理, CONTRACTS section 8): an enterprise lets a consultant prepare and
 * (with SIGN) sign its filings, for some or all of its mining licences, between two dates. It travels signed by the
 * enterprise in an ASiC-E package exactly like a declaration ({@code delegation.json} in place of
 * {@code declaration.json}, {@link org.minedecl.shared.pkg.SignedDocument#DELEGATION}). Depends on the JDK,
 * Jackson and {@code shared.declaration} (USCC check) only.
 */
package org.minedecl.shared.delegation;
