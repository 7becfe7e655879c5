package org.minedecl.shared.pkg;

import org.minedecl.shared.signature.SignerIdentity;
import org.minedecl.shared.trust.CertificateValidator;
import org.minedecl.shared.trust.TrustPolicy;

/**
 * The signer certificate checks - key usage, validity at signing time, chain to a configured root, revocation as
 * of the validation time - as steps of the package verifier; each asks the one {@link CertificateValidator}.
 */
final class CertificateChecks {
    private CertificateChecks() {
    }

    static CertificateValidator validator(Facts f) {
        return new CertificateValidator(new TrustPolicy(f.policy.trustAnchors(), f.policy.crls(),
                f.policy.intermediates(), f.policy.intermediatesFromSignature()));
    }

    static Failure failure(CertificateValidator.Failure v) {
        return v == null ? null : new Failure(v.check(), FailureCode.valueOf(v.code()), v.detail());
    }

    /** digitalSignature or nonRepudiation, and not a CA certificate. */
    static final class KeyUsage implements PackageCheck {
        @Override
        public String id() {
            return CertificateValidator.KEY_USAGE;
        }

        @Override
        public Failure run(Facts f) {
            return failure(validator(f).keyUsage(f.signer));
        }
    }

    /** The claimed signing time is not in the future, and the certificate was valid then. */
    static final class Validity implements PackageCheck {
        @Override
        public String id() {
            return CertificateValidator.VALIDITY;
        }

        @Override
        public Failure run(Facts f) {
            return failure(validator(f).validity(f.signer, f.signingTime, f.policy.validationTime()));
        }

        @Override
        public String passDetail(Facts f) {
            return "valid at the signing time " + f.signingTime;
        }
    }

    /** A path from the signer to a configured trust anchor at the signing time (intermediates may come from the bag). */
    static final class Chain implements PackageCheck {
        @Override
        public String id() {
            return CertificateValidator.CHAIN;
        }

        @Override
        public Failure run(Facts f) {
            CertificateValidator.Validation v = validator(f).chain(f.signer, f.bag, f.signingTime);
            if (!v.valid()) {
                return failure(v.failure());
            }
            f.path = v.path();
            return null;
        }

        @Override
        public String passDetail(Facts f) {
            return "chains to " + SignerIdentity.displayName(f.path.anchor());
        }
    }

    /** Each certificate of the path unrevoked as of the validation time (the receipt time, not the signing time). */
    static final class Revocation implements PackageCheck {
        @Override
        public String id() {
            return CertificateValidator.REVOCATION;
        }

        @Override
        public Failure run(Facts f) {
            return failure(validator(f).revocation(f.path, f.policy.validationTime()));
        }

        @Override
        public String passDetail(Facts f) {
            return "not revoked as of " + f.policy.validationTime();
        }
    }
}
