package org.minedecl.server.statistics;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.minedecl.server.config.ServerSettings;
import org.minedecl.shared.declaration.Period;
import org.minedecl.shared.rules.RuleCatalog;
import org.minedecl.shared.rules.RulePack;

/**
 * A quarter's filing deadline, as CORE-LATE-01 has it: {@code deadlineDays} (15 in CORE) after the quarter ends,
 * from the most specific rule pack covering the jurisdiction that sets it; the day ends at midnight in the server's
 * business zone (Asia/Shanghai).
 */
@Singleton
public class Deadlines {
    private final List<RulePack> packs;
    private final ZoneId zone;

    public Deadlines(ServerSettings settings) {
        this.packs = RuleCatalog.standard().packs();
        this.zone = ZoneId.of(settings.zone());
    }

    /** The last day to file {@code period} in {@code jurisdiction} (null: CORE's default). */
    public LocalDate deadline(Period period, String jurisdiction) {
        int days = packs.stream()
                .filter(p -> p.parameters().get("deadlineDays") instanceof Number)
                .filter(p -> jurisdiction == null ? p.jurisdiction().isEmpty() : p.covers(jurisdiction))
                .max(Comparator.comparingInt(p -> org.minedecl.server.scope.Scope.prefix(
                        p.jurisdiction().isEmpty() ? "00" : p.jurisdiction()).length()))
                .map(p -> ((Number) p.parameters().get("deadlineDays")).intValue())
                .orElse(15);
        return period.end().plusDays(days);
    }

    /** The instant the deadline day is over: a filing received before it is on time. */
    public Instant over(LocalDate deadline) {
        return deadline.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public LocalDate today(Instant now) {
        return now.atZone(zone).toLocalDate();
    }
}
