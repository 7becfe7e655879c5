package org.minedecl.shared.pkg;

/** A failed check while reading facts: which check, its code and category, one readable line. */
record Failure(String check, String code, Category category, String detail) {
    CheckResult toResult() {
        return new CheckResult(check, false, code, category.name(), detail);
    }
}
