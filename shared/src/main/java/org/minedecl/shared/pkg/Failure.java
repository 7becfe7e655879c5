package org.minedecl.shared.pkg;

/** A failed check while reading facts: which check, its code (which carries the category), one readable line. */
record Failure(String check, FailureCode code, String detail) {
    Category category() {
        return code.category();
    }

    CheckResult toResult() {
        return new CheckResult(check, false, code.name(), code.category().name(), detail);
    }
}
