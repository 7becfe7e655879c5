package org.minedecl.client.app.drafts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.minedecl.shared.declaration.Period;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.rules.RulePack;

/**
 * The filing deadline of a quarter: {@code deadlineDays} (CORE: 15) after the quarter ends, or what the most
 * specific rule pack covering the mine's jurisdiction says.
 */
public final class Deadlines {
    private final RuleEngine engine;

    public Deadlines(RuleEngine engine) {
        this.engine = engine;
    }

    /** The quarter being filed on {@code today}: the one that ended last. */
    public static Period dueQuarter(LocalDate today) {
        return Period.containing(today).previous();
    }

    public int deadlineDays(String jurisdiction) {
        int days = 15;
        int specificity = -1;
        for (RulePack p : engine.catalog().packs()) {
            Object v = p.parameters().get("deadlineDays");
            if (v instanceof Number n && p.covers(jurisdiction) && p.jurisdiction().length() > specificity) {
                days = n.intValue();
                specificity = p.jurisdiction().length();
            }
        }
        return days;
    }

    public Deadline of(Period period, String jurisdiction, LocalDate today) {
        LocalDate due = period.end().plusDays(deadlineDays(jurisdiction));
        return new Deadline(period, due, ChronoUnit.DAYS.between(today, due));
    }

    /**
     * The banner's facts on {@code today}: the quarter that ended last (due now, or late), whether the mine has
     * filed it, and the quarter in progress with its own deadline.
     */
    public Outlook outlook(LocalDate today, String jurisdiction, java.util.function.Predicate<Period> filed) {
        Period due = dueQuarter(today);
        return new Outlook(of(due, jurisdiction, today), filed.test(due),
                of(Period.containing(today), jurisdiction, today));
    }

    /** What {@link #outlook} found. */
    public record Outlook(Deadline due, boolean dueFiled, Deadline next) {
    }

    /** A quarter's deadline and the days left on a given day (negative: that many days late). */
    public record Deadline(Period period, LocalDate due, long daysLeft) {
    }
}
