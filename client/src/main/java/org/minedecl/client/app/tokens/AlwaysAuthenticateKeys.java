package org.minedecl.client.app.tokens;

import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.Optional;
import org.minedecl.shared.signature.SignerException;
import org.minedecl.shared.signature.SigningCredential;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;

/**
 * Keys that demand the PIN for every signature (CKA_ALWAYS_AUTHENTICATE, common on qualified-signature cards and
 * some Chinese USB keys): after SunPKCS11 has opened a token's key and certificate, this looks at the key's
 * attributes on the token (the private key with the CKA_ID of the certificate object whose CKA_VALUE is the
 * certificate) and, when the key demands it, gives a credential whose key does the context-specific login for
 * every signature ({@link ContextLoginKey}); other keys are left to SunPKCS11.
 */
public final class AlwaysAuthenticateKeys {
    /** How long one call into the library may take while signing (a card's RSA signature takes a second or two). */
    static final Duration SIGNING_TIME_LIMIT = Duration.ofSeconds(30);

    private AlwaysAuthenticateKeys() {
    }

    /**
     * The credential unchanged when its key signs without more PINs; otherwise one that asks {@code pins} before
     * each signature.
     *
     * @param opened          the credential SunPKCS11 opened with {@code userPin}
     * @param sunPkcs11Config the configuration it was opened with (library and slot)
     * @param userPin         the PIN it was opened with (the caller clears it afterwards)
     * @param pins            the PIN for each signature, or null for the PIN given here ("sign all": a copy is kept
     *                        until the key is closed)
     */
    public static SigningCredential adapt(SigningCredential opened, Path sunPkcs11Config, char[] userPin,
            SignaturePin pins) throws SignerException {
        Pkcs11Tokens tokens = new Pkcs11Tokens(SIGNING_TIME_LIMIT);
        Optional<TokenRef> token;
        try {
            token = tokens.tokenOf(sunPkcs11Config);
        } catch (Exception e) {
            return opened; // SunPKCS11 opened the key; a library this wrapper cannot read leaves it to SunPKCS11
        }
        if (token.isEmpty()) {
            return opened;
        }
        TokenRef t = token.get();
        byte[] der;
        try {
            der = opened.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new SignerException("the token's certificate cannot be encoded", e);
        }
        SignaturePin.Remembered kept = pins == null ? SignaturePin.remembered(userPin) : null;
        try {
            ContextLoginKey key = tokens.withModule(t.library(), m -> {
                Slot slot = null;
                for (Slot s : m.getSlotList(true)) {
                    if (s.getSlotID() == t.slotId()) {
                        slot = s;
                    }
                }
                if (slot == null) {
                    return null;
                }
                Session session = slot.getToken().openSession(false);
                boolean keep = false;
                try {
                    try {
                        session.login(PKCS11Constants.CKU_USER, userPin);
                    } catch (PKCS11Exception e) {
                        if (e.getErrorCode() != PKCS11Constants.CKR_USER_ALREADY_LOGGED_IN) {
                            throw e;
                        }
                    }
                    long[] certs = session.findObjectsSingle(new AttributeVector()
                            .class_(PKCS11Constants.CKO_CERTIFICATE).value(der), 1);
                    if (certs.length == 0) {
                        return null;
                    }
                    byte[] id = session.getAttrValues(certs[0], PKCS11Constants.CKA_ID).id();
                    if (id == null) {
                        return null;
                    }
                    long[] keys = session.findObjectsSingle(new AttributeVector()
                            .class_(PKCS11Constants.CKO_PRIVATE_KEY).id(id), 2);
                    if (keys.length != 1) {
                        return null;
                    }
                    AttributeVector a = session.getAttrValues(keys[0], PKCS11Constants.CKA_ALWAYS_AUTHENTICATE,
                            PKCS11Constants.CKA_KEY_TYPE);
                    if (!Boolean.TRUE.equals(a.alwaysAuthenticate())) {
                        return null;
                    }
                    Long type = a.keyType();
                    String alg = type != null && type == PKCS11Constants.CKK_RSA ? "RSA"
                            : type != null && type == PKCS11Constants.CKK_EC ? "EC" : null;
                    if (alg == null) {
                        throw new SignerException("the token's key demands the PIN for every signature and is of a"
                                + " type (" + type + ") that minedecl can only sign with through SunPKCS11");
                    }
                    keep = true;
                    return new ContextLoginKey(tokens, t.library(), session, keys[0], alg, t.label(),
                            pins == null ? kept : pins, kept);
                } finally {
                    if (!keep) {
                        session.closeSession();
                    }
                }
            });
            if (key == null) {
                if (kept != null) {
                    kept.close();
                }
                return opened;
            }
            return new SigningCredential(key, opened.chain(), TokenSignatureProvider.INSTANCE);
        } catch (Pkcs11Tokens.TokenAccessException e) {
            if (kept != null) {
                kept.close();
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof SignerException se) {
                throw se;
            }
            // the attributes could not be read: the key stays with SunPKCS11, as before this check
            return opened;
        }
    }

    /** Whether the credential's key demands the PIN for every signature (it was adapted). */
    public static boolean demandsPinEachTime(SigningCredential credential) {
        return credential.privateKey() instanceof ContextLoginKey;
    }

    /** Closes a key that demands the PIN each time (its session and a remembered PIN); other keys: nothing to do. */
    public static void close(SigningCredential credential) {
        if (credential != null && credential.privateKey() instanceof ContextLoginKey k) {
            k.close();
        }
    }
}
