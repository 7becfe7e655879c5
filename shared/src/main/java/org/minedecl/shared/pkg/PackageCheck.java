package org.minedecl.shared.pkg;

/** One question asked of a package, with its stable check id; answers pass, or fail with a code. */
interface PackageCheck {
    String id();

    /** Null when passed (with {@link #passDetail}), else the failure. */
    Failure run(Facts facts);

    default String passDetail(Facts facts) {
        return "ok";
    }

    default Failure fail(String code, Category category, String detail) {
        return new Failure(id(), code, category, detail);
    }
}
