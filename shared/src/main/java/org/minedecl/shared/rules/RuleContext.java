package org.minedecl.shared.rules;

import java.time.LocalDate;
import java.util.List;
import org.minedecl.shared.declaration.Declaration;

/** What a {@link RuleLogic} sees besides the declaration, and how it reports. */
public interface RuleContext {
    /** "Today": the signing date. */
    LocalDate asOf();

    /**
     * The accepted declaration of the same mining licence for the quarter just before this one, or null when
     * it is not known (history rules then stay silent).
     */
    Declaration previousQuarter();

    /** The accepted declarations of the same mining licence for the earlier quarters of this year, by quarter. */
    List<Declaration> earlierInYear();

    /** The last day of the declared quarter, or null when the period is unreadable. */
    LocalDate periodEnd();

    /** The effective parameter: the most specific applicable pack that sets it, else the rule's default. */
    Param param(String name);

    /** Like {@link #param(String)} but null when nobody sets it (e.g. no minimum for this mineral). */
    Param paramOrNull(String name);

    /**
     * Reports a finding at the rule's effective level (its own, or the one the lowest applicable pack sets for
     * this period). {@code path} null means the rule's default path; {@code keyValues} are alternating names
     * and values for {@code params} and the message placeholders ({@link Param} values appear with their pack).
     */
    void report(String path, Object... keyValues);

    /**
     * Reports at the rule's {@code escalation} level from its data file (e.g. a second quarter without
     * restoration: WARNING becomes FLAG ABNORMAL_LIST). A rule without an escalation may not call this.
     */
    void escalate(String path, Object... keyValues);

    /**
     * Review-stage rules only (stage {@code review}, run after every other rule): the findings of this
     * declaration so far.
     */
    List<Finding> findings();

    /**
     * Review-stage rules only: the findings the rules whose effective disposition here is RECTIFY report for
     * the previous quarter's accepted declaration (evaluated now, with the same packs, "today" and history);
     * empty when that quarter is not known.
     */
    List<Finding> previousQuarterRectifyFindings();
}
