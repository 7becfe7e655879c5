/**
 * PKCS#11 tokens (USB keys): {@link org.minedecl.client.app.tokens.Pkcs11Tokens} is the one place in the client
 * that talks to a token's library directly, through {@code org.xipki:ipkcs11wrapper} - discovery of every slot of
 * every library with a time limit on a hanging driver, the token's label and serial, and the user PIN's flags
 * ({@link org.minedecl.client.app.tokens.PinInfo}: CKF_USER_PIN_COUNT_LOW, CKF_USER_PIN_FINAL_TRY, locked, to be
 * changed), which SunPKCS11 does not show. Signing goes through SunPKCS11
 * ({@link org.minedecl.client.app.tokens.TokenRef#signerSource}).
 *
 * <p><b>Batch signing and others</b>: for anything else on a token (e.g. reading CKA_ALWAYS_AUTHENTICATE of a key
 * to know whether every signature wants the PIN again), use {@link org.minedecl.client.app.tokens.Pkcs11Tokens#withModule}
 * rather than loading the library a second way: it reuses the one initialised module per library, keeps the time
 * limit, and never finalises the module (SunPKCS11 shares its state in the process). Only this package may import
 * {@code org.xipki} outside tests (ClientArchitectureTest keeps the front ends away from it).
 */
package org.minedecl.client.app.tokens;
