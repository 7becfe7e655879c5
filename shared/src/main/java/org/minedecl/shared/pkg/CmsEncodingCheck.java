package org.minedecl.shared.pkg;

/**
 * The signed attributes and the certificates in the bag are DER, as X.690 and RFC 5652 require: other encodings
 * of them still verify (the signature is over their DER form), so they would be unsigned second spellings of
 * one signature (SECURITY-TESTS A12).
 */
final class CmsEncodingCheck implements PackageCheck {
    @Override
    public String id() {
        return "cms.encoding";
    }

    @Override
    public Failure run(Facts f) {
        switch (org.minedecl.shared.signature.CmsEncoding.check(f.signatureFile)) {
            case SIGNED_ATTRIBUTES:
                return fail(FailureCode.SIGNED_ATTRIBUTES_NOT_DER, "the signed attributes are not DER-encoded");
            case CERTIFICATE:
                return fail(FailureCode.CERTIFICATE_NOT_DER, "a certificate in the signature is not DER-encoded");
            default:
                return null;
        }
    }

    @Override
    public String passDetail(Facts f) {
        return "signed attributes and certificates DER-encoded";
    }
}
