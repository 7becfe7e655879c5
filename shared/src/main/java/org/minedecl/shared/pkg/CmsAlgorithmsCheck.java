package org.minedecl.shared.pkg;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.minedecl.shared.signature.AlgorithmPolicy;

/** Digest, signature algorithm and key are allowed (checked before any signature math). */
final class CmsAlgorithmsCheck implements PackageCheck {
    /** The signer's public key as the algorithm policy reads it. */
    static SubjectPublicKeyInfo spki(X509Certificate c) {
        return org.minedecl.shared.trust.CertificateValidator.publicKeyInfo(c);
    }

    @Override
    public String id() {
        return "cms.algorithms";
    }

    @Override
    public Failure run(Facts f) {
        AlgorithmPolicy.Decision d = AlgorithmPolicy.resolve(f.signerInfo.getDigestAlgorithmID(),
                f.signerInfo.toASN1Structure().getDigestEncryptionAlgorithm(), spki(f.signer));
        if (d instanceof AlgorithmPolicy.Refused r) {
            return fail(FailureCode.ALG_NOT_ALLOWED, r.reason());
        }
        return null;
    }

    @Override
    public String passDetail(Facts f) {
        return ((AlgorithmPolicy.Allowed) AlgorithmPolicy.resolve(f.signerInfo.getDigestAlgorithmID(),
                f.signerInfo.toASN1Structure().getDigestEncryptionAlgorithm(), spki(f.signer))).jcaName();
    }
}
