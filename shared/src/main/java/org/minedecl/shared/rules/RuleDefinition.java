package org.minedecl.shared.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One rule as read from {@code rules/<pack>/<RULE-ID>.json}: what it checks, how a finding weighs by default
 * (a lower pack may set another level, see {@link LevelSetting}), its citation (document number + clause),
 * message templates with {@code {placeholders}}, the rule's own parameter defaults, the window of period ends in
 * which it is in force, and the catalogue changes that touched it.
 *
 * @param stage       {@code parse} for the rules the {@link org.minedecl.shared.declaration.DeclarationParser}
 *                    reports (no logic class), {@code evaluate} for the rules the engine runs, {@code review}
 *                    for rules that look at the other rules' findings (run last, e.g. CORE-REPEAT-01)
 * @param escalation  the level of {@link RuleContext#escalate} (null: the rule does not escalate)
 * @param consequence the default text of the message's {@code {consequence}} placeholder (may be null)
 * @param retired     set for a retired id: never evaluated, kept so that the id is never reused
 */
public record RuleDefinition(
        String id,
        String pack,
        String stage,
        Severity severity,
        Disposition disposition,
        String path,
        LocalizedText checks,
        String citation,
        LocalizedText message,
        Map<String, Object> parameters,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        Level escalation,
        LocalizedText consequence,
        Retirement retired,
        List<Change> changes) {

    public RuleDefinition {
        parameters = Map.copyOf(parameters);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The level the rule's data file gives (before any pack sets another one). */
    public Level level() {
        return new Level(severity, disposition);
    }

    /** Whether the rule is in force for a period ending on {@code periodEnd} (null: unknown period). */
    public boolean inForce(LocalDate periodEnd) {
        if (retired != null) {
            return false;
        }
        if (effectiveFrom == null && effectiveTo == null) {
            return true;
        }
        return periodEnd != null && (effectiveFrom == null || !periodEnd.isBefore(effectiveFrom))
                && (effectiveTo == null || !periodEnd.isAfter(effectiveTo));
    }

    /** Whether the engine runs a logic class for this rule (not a parser rule, not retired). */
    public boolean evaluatedByEngine() {
        return !"parse".equals(stage) && retired == null;
    }

    public boolean isReview() {
        return "review".equals(stage);
    }
}
