package org.minedecl.shared.pkg;

/** One question asked of a package, with its stable check id; answers pass, or fail with a code. */
interface PackageCheck {
    String id();

    /** Null when passed (with {@link #passDetail}), else the failure. */
    Failure run(Facts facts);

    default String passDetail(Facts facts) {
        return "ok";
    }

    /**
     * This check's failure for input its parsers reject by throwing rather than by an answer (e.g. BouncyCastle's
     * IllegalArgumentException on an altered DER length): still this check, with a code of its family, never the
     * exception's name.
     */
    default Failure malformed() {
        String id = id();
        if (id.startsWith("cms.")) {
            return fail(FailureCode.CMS_MALFORMED, "signature.p7s cannot be read (" + id + ")");
        }
        if (id.startsWith("cert.")) {
            return fail(FailureCode.CERT_MALFORMED, "a certificate in the signature cannot be read ("
                    + id + ")");
        }
        if (id.startsWith("manifest.")) {
            return fail(FailureCode.MANIFEST_MALFORMED, "the manifest cannot be read (" + id + ")");
        }
        return fail(FailureCode.PACKAGE_UNREADABLE, "the package cannot be read (" + id + ")");
    }

    default Failure fail(FailureCode code, String detail) {
        return new Failure(id(), code, detail);
    }
}
