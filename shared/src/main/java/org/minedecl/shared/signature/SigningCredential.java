package org.minedecl.shared.signature;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An opened signing key: the private key (possibly a handle into a token), the certificate chain with the
 * signer's certificate first, and the provider that can use the key.
 */
public record SigningCredential(PrivateKey privateKey, List<X509Certificate> chain, Provider provider) {
    public SigningCredential {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the signing key has no certificate");
        }
    }

    /** The signer's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }
}
