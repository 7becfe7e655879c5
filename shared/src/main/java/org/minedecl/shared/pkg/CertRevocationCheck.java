package org.minedecl.shared.pkg;

import org.minedecl.shared.trust.CertificateValidator;

/** Each certificate of the path unrevoked as of the validation time (the receipt time, not the signing time). */
final class CertRevocationCheck implements PackageCheck {
    @Override
    public String id() {
        return CertificateValidator.REVOCATION;
    }

    @Override
    public Failure run(Facts f) {
        return CertificateValidation.failure(CertificateValidation.validator(f).revocation(f.path, f.policy.validationTime()));
    }

    @Override
    public String passDetail(Facts f) {
        return "not revoked as of " + f.policy.validationTime();
    }
}
