package org.minedecl.shared.pkg;

import org.minedecl.shared.trust.CertificateValidator;

/** The claimed signing time is not in the future, and the certificate was valid then. */
final class CertValidityCheck implements PackageCheck {
    @Override
    public String id() {
        return CertificateValidator.VALIDITY;
    }

    @Override
    public Failure run(Facts f) {
        return CertificateValidation.failure(CertificateValidation.validator(f).validity(f.signer, f.signingTime, f.policy.validationTime()));
    }

    @Override
    public String passDetail(Facts f) {
        return "valid at the signing time " + f.signingTime;
    }
}
