package org.minedecl.shared.pkg;

import org.minedecl.shared.trust.CertificateValidator;

/** digitalSignature or nonRepudiation, and not a CA certificate. */
final class CertKeyUsageCheck implements PackageCheck {
    @Override
    public String id() {
        return CertificateValidator.KEY_USAGE;
    }

    @Override
    public Failure run(Facts f) {
        return CertificateValidation.failure(CertificateValidation.validator(f).keyUsage(f.signer));
    }
}
