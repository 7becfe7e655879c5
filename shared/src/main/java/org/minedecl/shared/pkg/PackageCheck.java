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
            return fail("CMS_MALFORMED", Category.SIGNATURE_INVALID, "signature.p7s cannot be read (" + id + ")");
        }
        if (id.startsWith("cert.")) {
            return fail("CERT_MALFORMED", Category.CERT_UNTRUSTED, "a certificate in the signature cannot be read ("
                    + id + ")");
        }
        if (id.startsWith("manifest.")) {
            return fail("MANIFEST_MALFORMED", Category.PACKAGE_INVALID, "the manifest cannot be read (" + id + ")");
        }
        return fail("PACKAGE_UNREADABLE", Category.PACKAGE_INVALID, "the package cannot be read (" + id + ")");
    }

    default Failure fail(String code, Category category, String detail) {
        return new Failure(id(), code, category, detail);
    }
}
