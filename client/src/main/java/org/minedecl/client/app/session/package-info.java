/**
 * A logged-in session with a minedecl server (CONTRACTS section 7): certificate login with a PKCS#12 or PKCS#11
 * key (a CAdES signature over the server's nonce, made by the same signer as packages), then requests with the
 * access token. Used by the {@code admin} and {@code delegate} commands; no picocli, no Swing.
 */
package org.minedecl.client.app.session;
