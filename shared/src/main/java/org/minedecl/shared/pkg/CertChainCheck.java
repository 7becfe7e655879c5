package org.minedecl.shared.pkg;

import org.minedecl.shared.signature.SignerIdentity;
import org.minedecl.shared.trust.CertificateValidator;

/** A path from the signer to a configured trust anchor at the signing time (intermediates may come from the bag). */
final class CertChainCheck implements PackageCheck {
    @Override
    public String id() {
        return CertificateValidator.CHAIN;
    }

    @Override
    public Failure run(Facts f) {
        CertificateValidator.Validation v = CertificateValidation.validator(f).chain(f.signer, f.bag, f.signingTime);
        if (!v.valid()) {
            return CertificateValidation.failure(v.failure());
        }
        f.path = v.path();
        return null;
    }

    @Override
    public String passDetail(Facts f) {
        return "chains to " + SignerIdentity.displayName(f.path.anchor());
    }
}
