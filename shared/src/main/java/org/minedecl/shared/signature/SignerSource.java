package org.minedecl.shared.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where the enterprise signing key lives (企业证书): a PKCS#12 file or a PKCS#11 token (USB key).
 * The password or PIN is passed in as characters, never read from a command-line argument.
 */
public sealed interface SignerSource permits SignerSource.Pkcs12File, SignerSource.Pkcs11Token {

    /** Opens the key; the caller may clear the password afterwards. */
    SigningCredential open() throws SignerException;

    /**
     * A PKCS#12 file, read with BouncyCastle's keystore (the JDK's PKCS12 cannot reload SM2 keys).
     *
     * @param alias the key entry, or null for the only one
     */
    record Pkcs12File(Path file, char[] password, String alias) implements SignerSource {
        @Override
        public SigningCredential open() throws SignerException {
            KeyStore ks;
            try (InputStream in = Files.newInputStream(file)) {
                ks = KeyStore.getInstance("PKCS12", Providers.bc());
                ks.load(in, password);
            } catch (IOException e) {
                throw new SignerException("cannot read keystore " + file + ": " + reason(e), e);
            } catch (Exception e) {
                throw new SignerException("cannot open keystore " + file + ": " + reason(e), e);
            }
            return fromKeyStore(ks, alias, password, Providers.bc(), file.toString());
        }
    }

    /**
     * A PKCS#11 token through the JDK's SunPKCS11 provider, configured by a SunPKCS11 config file
     * ({@code name}, {@code library}, {@code slot} or {@code slotListIndex}).
     */
    record Pkcs11Token(Path config, char[] pin, String alias) implements SignerSource {
        @Override
        public SigningCredential open() throws SignerException {
            if (!Files.isRegularFile(config)) {
                throw new SignerException("PKCS#11 configuration not found: " + config);
            }
            Provider base = Security.getProvider("SunPKCS11");
            if (base == null) {
                throw new SignerException("this Java runtime has no SunPKCS11 provider");
            }
            Provider p;
            KeyStore ks;
            try {
                p = base.configure(config.toString());
                ks = KeyStore.getInstance("PKCS11", p);
                ks.load(null, pin);
            } catch (Exception e) {
                throw new SignerException("cannot open PKCS#11 token (" + config + "): " + reason(e), e);
            }
            return fromKeyStore(ks, alias, null, p, "PKCS#11 token " + p.getName());
        }
    }

    private static SigningCredential fromKeyStore(KeyStore ks, String alias, char[] keyPassword, Provider provider,
            String where) throws SignerException {
        try {
            String chosen = alias;
            if (chosen == null) {
                List<String> keys = new ArrayList<>();
                for (String a : Collections.list(ks.aliases())) {
                    if (ks.isKeyEntry(a)) {
                        keys.add(a);
                    }
                }
                if (keys.size() != 1) {
                    throw new SignerException(where + " holds " + keys.size() + " keys " + keys
                            + "; choose one with --alias");
                }
                chosen = keys.get(0);
            }
            if (!ks.isKeyEntry(chosen)) {
                throw new SignerException(where + " has no key named '" + chosen + "'");
            }
            Key key = ks.getKey(chosen, keyPassword);
            if (!(key instanceof PrivateKey)) {
                throw new SignerException(where + ": entry '" + chosen + "' is not a private key");
            }
            Certificate[] chain = ks.getCertificateChain(chosen);
            if (chain == null || chain.length == 0) {
                throw new SignerException(where + ": key '" + chosen + "' has no certificate");
            }
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : chain) {
                certs.add((X509Certificate) c);
            }
            return new SigningCredential((PrivateKey) key, certs, provider);
        } catch (SignerException e) {
            throw e;
        } catch (Exception e) {
            throw new SignerException(where + ": " + reason(e), e);
        }
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m != null && m.toLowerCase().contains("mac")) {
            return "wrong password or damaged file";
        }
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
