package org.minedecl.shared.pkg;

import org.minedecl.shared.trust.CertificateValidator;
import org.minedecl.shared.trust.TrustPolicy;

/**
 * The one {@link CertificateValidator} as the four {@code cert.*} checks ask it (key usage, validity at the signing
 * time, chain to a configured root, revocation as of the validation time), with its answer as a package failure.
 */
final class CertificateValidation {
    private CertificateValidation() {
    }

    static CertificateValidator validator(Facts f) {
        return new CertificateValidator(new TrustPolicy(f.policy.trustAnchors(), f.policy.crls(),
                f.policy.intermediates(), f.policy.intermediatesFromSignature()));
    }

    static Failure failure(CertificateValidator.Failure v) {
        return v == null ? null : new Failure(v.check(), FailureCode.valueOf(v.code()), v.detail());
    }
}
