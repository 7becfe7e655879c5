package org.minedecl.shared.rules;

import java.time.LocalDate;
import org.minedecl.shared.declaration.Declaration;

/**
 * The inputs of one evaluation besides the declaration: "today" (the signing date, never read from the
 * system clock here) and the accepted earlier declarations of the same mine ({@link History}, for the history
 * rules; {@link History#NONE} when none are known).
 */
public record EvaluationContext(LocalDate asOf, History history) {
    public EvaluationContext {
        java.util.Objects.requireNonNull(asOf, "asOf");
        history = history == null ? History.NONE : history;
    }

    /** With one earlier declaration (the previous quarter's), or none when {@code previous} is null. */
    public EvaluationContext(LocalDate asOf, Declaration previous) {
        this(asOf, History.of(previous));
    }

    public static EvaluationContext asOf(LocalDate day) {
        return new EvaluationContext(day, History.NONE);
    }
}
