package org.minedecl.shared.rules;

import java.time.LocalDate;
import org.minedecl.shared.declaration.Declaration;

/** What a {@link RuleLogic} sees besides the declaration, and how it reports. */
public interface RuleContext {
    /** "Today": the signing date. */
    LocalDate asOf();

    /** The previous accepted declaration of the same mine, or null. */
    Declaration previous();

    /** The last day of the declared quarter, or null when the period is unreadable. */
    LocalDate periodEnd();

    /** The effective parameter: the most specific applicable pack that sets it, else the rule's default. */
    Param param(String name);

    /** Like {@link #param(String)} but null when nobody sets it (e.g. no minimum for this mineral). */
    Param paramOrNull(String name);

    /**
     * Reports a finding with the rule's severity. {@code path} null means the rule's default path;
     * {@code keyValues} are alternating names and values for {@code params} and the message placeholders
     * ({@link Param} values appear with their pack).
     */
    void report(String path, Object... keyValues);

    /** Reports with a severity (and disposition) other than the rule's default, e.g. a late filing escalated. */
    void reportAs(Severity severity, Disposition disposition, String path, Object... keyValues);
}
