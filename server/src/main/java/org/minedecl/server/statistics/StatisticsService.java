package org.minedecl.server.statistics;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.minedecl.server.export.Table;
import org.minedecl.server.problem.Problem;
import org.minedecl.server.scope.Scope;
import org.minedecl.shared.declaration.Period;

/**
 * Missing filings and quarterly statistics inside the caller's scope. A filing is on time when its first
 * declaration was received by the end of the deadline day (CORE-LATE-01's {@code deadlineDays} after the quarter,
 * Asia/Shanghai), late otherwise; a licence is missing when it filed the quarter before and has no filing for this
 * one once the deadline is over (before that, nothing is missing yet).
 */
@Singleton
public class StatisticsService {
    private final StatisticsRepository repository;
    private final Deadlines deadlines;
    private final Clock clock;

    public StatisticsService(StatisticsRepository repository, Deadlines deadlines, Clock clock) {
        this.repository = repository;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The missing filings of a quarter. */
    public record MissingFilings(String period, String jurisdiction, LocalDate deadline, boolean deadlinePassed,
                                 List<StatisticsRepository.Missing> items) {
    }

    /** One jurisdiction's figures (or the total): fund shortfall in yuan. */
    public record Row(String jurisdiction, long filed, long onTime, long late, long missing,
                      Map<String, Long> flaggedByRule, BigDecimal fundShortfall) {
    }

    /** A quarter's statistics: one row per jurisdiction code with filings, and the total. */
    public record Statistics(String period, String jurisdiction, LocalDate deadline, boolean deadlinePassed,
                             List<Row> jurisdictions, Row total) {
    }

    public MissingFilings missing(Scope scope, String period, String jurisdiction) {
        Period p = period(period);
        check(jurisdiction);
        LocalDate deadline = deadlines.deadline(p, jurisdiction);
        boolean passed = passed(deadline);
        return new MissingFilings(period, jurisdiction, deadline, passed, passed
                ? repository.missing(scope, jurisdiction, period, p.previous().toString()) : List.of());
    }

    public Statistics statistics(Scope scope, String period, String jurisdiction) {
        Period p = period(period);
        check(jurisdiction);
        LocalDate deadline = deadlines.deadline(p, jurisdiction);
        boolean passed = passed(deadline);
        Map<String, StatisticsRepository.Counts> counts = repository.counts(scope, jurisdiction, period,
                p.previous().toString(), deadlines.over(deadline), passed);
        List<Row> rows = new ArrayList<>();
        long filed = 0;
        long late = 0;
        long missing = 0;
        Map<String, Long> flagged = new TreeMap<>();
        BigDecimal shortfall = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<String, StatisticsRepository.Counts> e : counts.entrySet()) {
            StatisticsRepository.Counts c = e.getValue();
            rows.add(new Row(e.getKey(), c.filed(), c.filed() - c.late(), c.late(), c.missing(), c.flagged(),
                    c.fundShortfall().setScale(2)));
            filed += c.filed();
            late += c.late();
            missing += c.missing();
            c.flagged().forEach((rule, n) -> flagged.merge(rule, n, Long::sum));
            shortfall = shortfall.add(c.fundShortfall());
        }
        Row total = new Row(jurisdiction, filed, filed - late, late, missing, flagged, shortfall.setScale(2));
        return new Statistics(period, jurisdiction, deadline, passed, rows, total);
    }

    private boolean passed(LocalDate deadline) {
        return !clock.instant().isBefore(deadlines.over(deadline));
    }

    private static Period period(String text) {
        return Period.parse(text).orElseThrow(() -> Problem.of(HttpStatus.BAD_REQUEST, "BAD_PARAMETER",
                "period is a quarter such as 2026Q3").exception());
    }

    private static void check(String jurisdiction) {
        if (jurisdiction != null && !jurisdiction.matches("\\d{6}")) {
            throw Problem.of(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", "jurisdiction is a 6-digit code").exception();
        }
    }

    /** Missing filings for export. */
    public static Table table(MissingFilings m) {
        Table.Builder t = new Table.Builder("missing-filings", "period", "jurisdiction", "uscc", "enterprise",
                "miningLicence", "mine", "previousPeriod", "previousSubmissionId");
        for (StatisticsRepository.Missing x : m.items()) {
            t.row(m.period(), x.jurisdiction(), x.uscc(), x.enterpriseName(), x.miningLicence(), x.mineName(),
                    x.previousPeriod(), x.previousSubmissionId());
        }
        return t.build();
    }

    /** Statistics for export: one row per jurisdiction and the total, one column per flagged rule id. */
    public static Table table(Statistics s) {
        TreeSet<String> rules = new TreeSet<>(s.total().flaggedByRule().keySet());
        List<String> columns = new ArrayList<>(List.of("period", "jurisdiction", "filed", "onTime", "late", "missing",
                "fundShortfallYuan"));
        rules.forEach(r -> columns.add("flagged " + r));
        Table.Builder t = new Table.Builder("statistics", columns.toArray(String[]::new));
        List<Row> rows = new ArrayList<>(s.jurisdictions());
        rows.add(s.total());
        for (Row r : rows) {
            List<Object> cells = new ArrayList<>(List.of(s.period(), r == s.total() ? "total" : r.jurisdiction(),
                    r.filed(), r.onTime(), r.late(), r.missing(), r.fundShortfall()));
            rules.forEach(rule -> cells.add(r.flaggedByRule().getOrDefault(rule, 0L)));
            t.row(cells.toArray());
        }
        return t.build();
    }
}
