/**
 * Delegations (委托代理, CONTRACTS section 8) on the enterprise's side: the {@code delegation/1} document made from
 * the enterprise's certificate and the consultant's details, signed into an ASiC-E package by the one package
 * writer. No picocli, no Swing.
 */
package org.minedecl.client.app.delegation;
