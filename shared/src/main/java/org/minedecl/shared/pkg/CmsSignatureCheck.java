package org.minedecl.shared.pkg;

import org.minedecl.shared.signature.SignatureCheck;

/** The signature value verifies over the DER signed attributes with the signer's key. */
final class CmsSignatureCheck implements PackageCheck {
    @Override
    public String id() {
        return "cms.signature";
    }

    @Override
    public Failure run(Facts f) {
        try {
            SignatureCheck.Result r = SignatureCheck.verify(f.signerInfo.getDigestAlgorithmID(),
                    f.signerInfo.toASN1Structure().getDigestEncryptionAlgorithm(), CmsAlgorithmsCheck.spki(f.signer),
                    f.signerInfo.getEncodedSignedAttributes(), f.signerInfo.getSignature());
            switch (r.outcome()) {
                case VALID:
                    return null;
                case NOT_ALLOWED:
                    return fail(FailureCode.ALG_NOT_ALLOWED, r.detail());
                default:
                    return fail(FailureCode.SIGNATURE_INVALID, r.detail());
            }
        } catch (java.io.IOException e) {
            return fail(FailureCode.SIGNATURE_INVALID, "signed attributes cannot be encoded");
        }
    }
}
