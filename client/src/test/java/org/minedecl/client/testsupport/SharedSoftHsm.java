package org.minedecl.client.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.minedecl.client.app.tokens.Pkcs11Tokens;
import org.minedecl.shared.testpki.SoftHsmToken;
import org.minedecl.shared.testpki.TestPki;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;

/**
 * One set of SoftHSM2 tokens for every test class of the client's JVM: SoftHSM2 reads its token folder when the
 * library is initialised, and the library stays initialised in the process (SunPKCS11 and the token discovery
 * share it), so tokens made by a later test class would be invisible to it (CKR_SLOT_ID_INVALID). The first token
 * holds the EC test PKI's enterprise key as {@code enterprise}; nobody logs in to the second with the right PIN;
 * the third ({@code minedecl-always}) holds {@value #ALWAYS_EC} (EC) and {@value #ALWAYS_RSA} (RSA), keys that
 * demand the PIN for every signature (CKA_ALWAYS_AUTHENTICATE, which SoftHSM2 enforces: C_Sign without the
 * context-specific login answers CKR_USER_NOT_LOGGED_IN).
 */
public final class SharedSoftHsm {
    public static final String ALWAYS_EC = "always-ec";
    public static final String ALWAYS_RSA = "always-rsa";
    private static SoftHsmToken token;

    private SharedSoftHsm() {
    }

    /** The tokens, made on first use (or the calling test is skipped, saying why). */
    public static synchronized SoftHsmToken get() throws Exception {
        if (token == null) {
            SoftHsmToken t = SoftHsmToken.create();
            t.put(Map.of("enterprise", TestPki.get(TestPki.KeyAlg.EC).leaf().build()));
            Map<String, TestPki.Leaf> always = Map.of(ALWAYS_EC, TestPki.get(TestPki.KeyAlg.EC).leaf().build(),
                    ALWAYS_RSA, TestPki.get(TestPki.KeyAlg.RSA).leaf().build());
            t.put(t.third(), always);
            alwaysAuthenticate(t.third(), t.pin(), always);
            token = t;
        }
        return token;
    }

    /** The library a token's SunPKCS11 configuration names. */
    public static Path library(Path config) throws Exception {
        return Path.of(setting(config, "library"));
    }

    /** The slot a token's SunPKCS11 configuration names. */
    public static long slot(Path config) throws Exception {
        return Long.parseLong(setting(config, "slot"));
    }

    private static String setting(Path config, String name) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + name + " = (.+)$").matcher(Files.readString(config));
        if (!m.find()) {
            throw new IllegalStateException(name + " not in " + config);
        }
        return m.group(1).strip();
    }

    /**
     * Replaces the private keys of these aliases with the same keys created with CKA_ALWAYS_AUTHENTICATE (as a card's
     * personalisation would; SoftHSM2 does not let the attribute be set or copied onto an existing key).
     */
    private static void alwaysAuthenticate(Path config, String pin, Map<String, TestPki.Leaf> leaves)
            throws Exception {
        long slotId = slot(config);
        new Pkcs11Tokens(Duration.ofSeconds(30)).withModule(library(config), m -> {
            Slot slot = null;
            for (Slot s : m.getSlotList(true)) {
                if (s.getSlotID() == slotId) {
                    slot = s;
                }
            }
            Session session = slot.getToken().openSession(true);
            try {
                try {
                    session.login(PKCS11Constants.CKU_USER, pin.toCharArray());
                } catch (PKCS11Exception e) {
                    if (e.getErrorCode() != PKCS11Constants.CKR_USER_ALREADY_LOGGED_IN) {
                        throw e;
                    }
                }
                for (Map.Entry<String, TestPki.Leaf> e : leaves.entrySet()) {
                    String label = e.getKey();
                    // SunPKCS11's keystore labels the certificate with the alias and gives the key its CKA_ID
                    long[] certs = session.findObjectsSingle(new AttributeVector()
                            .class_(PKCS11Constants.CKO_CERTIFICATE).label(label), 2);
                    if (certs.length != 1) {
                        throw new IllegalStateException(certs.length + " certificates labelled " + label);
                    }
                    byte[] id = session.getAttrValues(certs[0], PKCS11Constants.CKA_ID).id();
                    long[] keys = session.findObjectsSingle(new AttributeVector()
                            .class_(PKCS11Constants.CKO_PRIVATE_KEY).id(id), 2);
                    if (keys.length != 1) {
                        throw new IllegalStateException(keys.length + " private keys for the certificate labelled " + label);
                    }
                    session.destroyObject(keys[0]);
                    AttributeVector key = new AttributeVector().class_(PKCS11Constants.CKO_PRIVATE_KEY)
                            .token(true).private_(true).sensitive(true).extractable(false).sign(true).id(id)
                            .label(label);
                    if (e.getValue().key() instanceof RSAPrivateCrtKey k) {
                        key.keyType(PKCS11Constants.CKK_RSA).modulus(k.getModulus())
                                .publicExponent(k.getPublicExponent()).privateExponent(k.getPrivateExponent())
                                .prime1(k.getPrimeP()).prime2(k.getPrimeQ()).exponent1(k.getPrimeExponentP())
                                .exponent2(k.getPrimeExponentQ()).coefficient(k.getCrtCoefficient());
                    } else {
                        byte[] s = ((ECPrivateKey) e.getValue().key()).getS().toByteArray();
                        byte[] value = new byte[32];
                        int n = Math.min(32, s.length);
                        System.arraycopy(s, s.length - n, value, 32 - n, n);
                        key.keyType(PKCS11Constants.CKK_EC).value(value)
                                .ecParams(org.bouncycastle.asn1.x9.X9ObjectIdentifiers.prime256v1.getEncoded());
                    }
                    session.createObject(key.alwaysAuthenticate(true));
                }
            } finally {
                session.closeSession();
            }
            return null;
        });
    }
}
