/**
 * The server's receipt-signing key (loaded, or generated on first start into the data directory) and
 * {@code GET /api/v1/server-certificate}. Receipt format, signing and verification live in
 * {@code org.minedecl.shared.receipt}.
 */
package org.minedecl.server.receipt;
