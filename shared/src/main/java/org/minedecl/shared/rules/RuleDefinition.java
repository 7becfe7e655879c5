package org.minedecl.shared.rules;

import java.time.LocalDate;
import java.util.Map;

/**
 * One rule as read from {@code rules/<pack>/<RULE-ID>.json}: what it checks, how a finding weighs, its
 * citation (document number + clause), message templates with {@code {placeholders}}, the rule's own
 * parameter defaults and the window of period ends in which it is in force.
 *
 * @param stage {@code parse} for the rules the {@link org.minedecl.shared.declaration.DeclarationParser}
 *              reports (no logic class), {@code evaluate} for the rules the engine runs
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
        LocalDate effectiveTo) {

    public RuleDefinition {
        parameters = Map.copyOf(parameters);
    }

    /** Whether the rule is in force for a period ending on {@code periodEnd} (null: unknown period). */
    public boolean inForce(LocalDate periodEnd) {
        if (effectiveFrom == null && effectiveTo == null) {
            return true;
        }
        return periodEnd != null && (effectiveFrom == null || !periodEnd.isBefore(effectiveFrom))
                && (effectiveTo == null || !periodEnd.isAfter(effectiveTo));
    }

    public boolean evaluatedByEngine() {
        return !"parse".equals(stage);
    }
}
