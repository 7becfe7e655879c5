package org.minedecl.shared.pkg;

import java.nio.file.Path;

/** The one package verifier (CONTRACTS section 3), used by {@code minedecl verify} and the server alike. */
public final class PackageVerifier {
    private final VerificationPolicy policy;

    public PackageVerifier(VerificationPolicy policy) {
        this.policy = policy;
    }

    /** Verifies a package file; never throws on hostile input, every problem is a failed check. */
    public VerificationReport verify(Path asice) {
        throw new UnsupportedOperationException("TODO: implemented by the signed-package work");
    }
}
