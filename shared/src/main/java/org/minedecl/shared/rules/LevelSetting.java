package org.minedecl.shared.rules;

import java.time.LocalDate;

/**
 * A pack's setting of the level of a rule defined in a higher pack (severity and disposition as policy data,
 * as EU DSS keeps severities in its policy file): in {@code pack.json} under {@code "levels": { "SX-LIFE-01":
 * [ { "severity": "FLAG", "disposition": "NO_EXTENSION", "periodsEndingAfter": "2025-12-31", "consequence":
 * {zh, en}, "clause": "..." } ] }}. The lowest applicable pack with a setting in force for the period wins.
 *
 * @param periodsEndingAfter in force only for periods ending after this day (null: no lower bound)
 * @param periodsEndingBy    in force only for periods ending on or before this day (null: no upper bound)
 * @param consequence        what follows, filling the message's {@code {consequence}} placeholder
 * @param clause             the clause of the pack's document that sets this level
 */
public record LevelSetting(Level level, LocalDate periodsEndingAfter, LocalDate periodsEndingBy,
                           LocalizedText consequence, String clause) {

    /** Whether this setting applies to a period ending on {@code periodEnd} (null: unknown period). */
    public boolean inForce(LocalDate periodEnd) {
        if (periodsEndingAfter == null && periodsEndingBy == null) {
            return true;
        }
        return periodEnd != null && (periodsEndingAfter == null || periodEnd.isAfter(periodsEndingAfter))
                && (periodsEndingBy == null || !periodEnd.isAfter(periodsEndingBy));
    }

    /** "periods ending after 2025-12-31" and the like, for the generated catalogue. */
    public String window() {
        if (periodsEndingAfter == null && periodsEndingBy == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        if (periodsEndingAfter != null) {
            s.append("期末晚于 / periods ending after ").append(periodsEndingAfter);
        }
        if (periodsEndingBy != null) {
            s.append(s.length() == 0 ? "" : ", ").append("期末不晚于 / periods ending by ").append(periodsEndingBy);
        }
        return s.toString();
    }
}
