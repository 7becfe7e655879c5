package org.minedecl.shared.rules;

import java.time.LocalDate;
import org.minedecl.shared.declaration.Declaration;

/**
 * The inputs of one evaluation besides the declaration: "today" (the signing date, never read from the
 * system clock here) and, when known, the previous accepted declaration of the same mine (for CORE-CONS-01).
 */
public record EvaluationContext(LocalDate asOf, Declaration previous) {
    public EvaluationContext {
        java.util.Objects.requireNonNull(asOf, "asOf");
    }

    public static EvaluationContext asOf(LocalDate day) {
        return new EvaluationContext(day, null);
    }
}
