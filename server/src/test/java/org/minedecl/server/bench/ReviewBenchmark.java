package org.minedecl.server.bench;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.minedecl.server.demo.BulkLoader;
import org.minedecl.server.demo.DemoClock;
import org.minedecl.server.scope.Scope;
import org.minedecl.server.statistics.Deadlines;
import org.minedecl.server.statistics.StatisticsService;
import org.minedecl.server.submission.SubmissionQueries;
import org.minedecl.server.support.Postgres;
import org.minedecl.shared.bench.BenchmarkReport;
import org.minedecl.shared.declaration.Period;

/**
 * Review at scale (issue #13): {@code -Dminedecl.bench.rows} (1,000,000) generated submissions on a scratch
 * PostgreSQL database (bulk mode of the demo generator); a page of a regulator's filtered queue and a province's
 * statistics for one quarter, each through the server's own services and through the best SQL written by hand for
 * the same answer, alternated on the same database; the ratio of the medians. Writes the "review" section of
 * docs/benchmarks.md with the SQL and its plan. {@code ./mvnw -B -q -pl server -am -Pbench-review -DskipTests verify}.
 */
public final class ReviewBenchmark {
    private static final int RUNS = 15;
    private static final Period QUARTER = new Period(2025, 4);

    private ReviewBenchmark() {
    }

    static final String QUEUE_SQL = """
            WITH page AS (
              SELECT s.id, s.package_sha256, s.package_size, s.period, s.jurisdiction, s.uscc, s.mining_licence,
                     s.status, s.received_at, s.signing_time, s.signer_subject, s.amends, s.superseded_by, s.receipt_json,
                     COUNT(*) OVER () AS total
              FROM submission s
              WHERE s.period = ? AND s.jurisdiction >= ? AND s.jurisdiction < ? AND s.status = 'FLAGGED'
              ORDER BY s.received_at DESC, s.id LIMIT 50)
            SELECT page.*, f.finding_json
            FROM page LEFT JOIN finding f ON f.submission_id = page.id
            ORDER BY page.received_at DESC, page.id, f.seq""";

    static final String STATISTICS_SQL = """
            SELECT 'filed' AS kind, s.jurisdiction, NULL AS rule_id, COUNT(*) AS n,
                   SUM(CASE WHEN s.received_at >= ? THEN 1 ELSE 0 END) AS amount
            FROM submission s
            WHERE s.period = ? AND s.amends IS NULL AND s.jurisdiction >= '14' AND s.jurisdiction < '15'
            GROUP BY s.jurisdiction
            UNION ALL
            SELECT 'missing', s.jurisdiction, NULL, COUNT(*), NULL
            FROM period_filing pf JOIN submission s ON s.id = pf.submission_id
            WHERE pf.period = ? AND s.jurisdiction >= '14' AND s.jurisdiction < '15'
              AND NOT EXISTS (SELECT 1 FROM period_filing x WHERE x.mining_licence = pf.mining_licence AND x.period = ?)
            GROUP BY s.jurisdiction
            UNION ALL
            SELECT 'flagged', f.jurisdiction, f.rule_id, COUNT(DISTINCT f.submission_id), NULL
            FROM flag f JOIN period_filing pf ON pf.submission_id = f.submission_id
            WHERE f.period = ? AND f.jurisdiction >= '14' AND f.jurisdiction < '15'
            GROUP BY f.jurisdiction, f.rule_id
            UNION ALL
            SELECT 'shortfall', f.jurisdiction, NULL, COUNT(*),
                   SUM((x.finding_json::jsonb -> 'params' ->> 'shortfall')::numeric)
            FROM flag f JOIN period_filing pf ON pf.submission_id = f.submission_id
                 JOIN finding x ON x.submission_id = f.submission_id AND x.seq = f.seq
            WHERE f.period = ? AND f.rule_id = 'CORE-FUND-02' AND f.jurisdiction >= '14' AND f.jurisdiction < '15'
            GROUP BY f.jurisdiction""";

    public static void main(String[] args) throws Exception {
        long rows = Long.getLong("minedecl.bench.rows", 1_000_000L);
        String database = Postgres.createScratch();
        try {
            run(database, rows);
        } finally {
            Postgres.drop(database);
        }
        System.exit(0);
    }

    private static void run(String database, long rows) throws Exception {
        Map<String, Object> props = new java.util.HashMap<>(Postgres.datasource(Map.of(
                "minedecl.data-dir", Files.createTempDirectory("rb").toString(),
                "micronaut.server.port", "-1"), database));
        try (ApplicationContext ctx = ApplicationContext.builder().environments(DemoClock.ENVIRONMENT)
                .properties(props).start();
             Connection c = DriverManager.getConnection(Postgres.url(database), Postgres.USER, "")) {
            BulkLoader.Result loaded = ctx.getBean(BulkLoader.class).load(7, rows, new Period(2025, 2), 8);
            System.out.printf("loaded %d submissions of %d mines in %.1f s%n", loaded.submissions(), loaded.mines(),
                    loaded.seconds());
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
            SubmissionQueries queries = ctx.getBean(SubmissionQueries.class);
            StatisticsService statistics = ctx.getBean(StatisticsService.class);
            Instant lateFrom = ctx.getBean(Deadlines.class).over(ctx.getBean(Deadlines.class).deadline(QUARTER, null));

            SubmissionQueries.Filter filter = new SubmissionQueries.Filter(QUARTER.toString(), "140500", "FLAGGED",
                    null, null);
            Scope city = Scope.regulator("city", List.of("140500")); // a city regulator's queue
            Supplier<Object> queueService = () -> queries.list(filter, city, 0, 50);
            Supplier<Object> queueSql = () -> queueBySql(c);
            Scope province = Scope.regulator("province", List.of("140000"));
            Supplier<Object> statsService = () -> statistics.statistics(province, QUARTER.toString(), null);
            Supplier<Object> statsSql = () -> statisticsBySql(c, lateFrom);

            SubmissionQueries.Page page = queries.list(filter, city, 0, 50);
            List<String> sqlIds = queueBySql(c);
            check(page.items().stream().map(SubmissionQueries.SubmissionView::id).toList().equals(
                    sqlIds.subList(1, sqlIds.size())) && String.valueOf(page.total()).equals(sqlIds.get(0)),
                    "the queue page differs from the SQL's");
            StatisticsService.Statistics st = statistics.statistics(province, QUARTER.toString(), null);
            List<Object[]> sqlStats = statisticsBySql(c, lateFrom);
            long sqlFiled = sqlStats.stream().filter(r -> "filed".equals(r[0])).mapToLong(r -> ((Number) r[3]).longValue()).sum();
            java.math.BigDecimal sqlShort = sqlStats.stream().filter(r -> "shortfall".equals(r[0]))
                    .map(r -> (java.math.BigDecimal) r[4]).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            check(st.total().filed() == sqlFiled && st.total().fundShortfall().compareTo(sqlShort) == 0,
                    "the statistics differ from the SQL's: " + st.total() + " vs " + sqlFiled + " " + sqlShort);

            double[] queue = alternate(queueService, queueSql);
            double[] stats = alternate(statsService, statsSql);
            String queuePlan = plan(c, QUEUE_SQL, ps -> {
                ps.setString(1, QUARTER.toString());
                ps.setString(2, "1405");
                ps.setString(3, "1406");
            });
            String statsPlan = plan(c, STATISTICS_SQL, ps -> bindStatistics(ps, lateFrom));
            StringBuilder md = new StringBuilder();
            md.append(String.format("%,d generated submissions (`demo --bulk`, %d mines over 132 counties of 14xxxx, 8"
                    + " quarters from 2025Q2; loaded in %.0f s) on PostgreSQL on the same 2 cores, VACUUM ANALYZE"
                    + " after loading. Each side run %d times after 3 warm-up runs, alternated; medians in ms.%n%n",
                    loaded.submissions(), loaded.mines(), loaded.seconds(), RUNS));
            md.append("| answer | server (service, JDBC) | hand-written SQL | ratio | target |\n|---|---:|---:|---:|---|\n");
            md.append(String.format("| a page of a city regulator's queue: %s, 140500, FLAGGED, 50 of %,d, with findings"
                    + " | %.1f | %.1f | %.2f | <= 2: %s |%n", QUARTER, page.total(), queue[0], queue[1],
                    queue[0] / queue[1], queue[0] / queue[1] <= 2 ? "met" : "**not met**"));
            md.append(String.format("| a province's statistics for %s (%d counties, %,d filings) | %.1f | %.1f | %.2f"
                    + " | <= 2: %s |%n%n", QUARTER, st.jurisdictions().size(), st.total().filed(), stats[0], stats[1],
                    stats[0] / stats[1], stats[0] / stats[1] <= 2 ? "met" : "**not met**"));
            md.append("The server's side: `SubmissionQueries.list` (what `GET /api/v1/submissions` runs: the page"
                    + " with a window count, then the page's findings in one statement) and `StatisticsService.statistics` (what"
                    + " `GET /api/v1/statistics` runs: four grouped queries, the CORE-FUND-02 shortfalls summed in Java"
                    + " as BigDecimal). HTTP and JSON are not included on either side.\n\n");
            md.append("Queue SQL (the server's own filter is `jurisdiction BETWEEN '140500' AND '140599'`; this database's collation is C.UTF-8):\n\n```sql\n").append(QUEUE_SQL)
                    .append("\n```\n\n```\n").append(queuePlan).append("```\n\n");
            md.append("Statistics SQL:\n\n```sql\n").append(STATISTICS_SQL).append("\n```\n\n```\n").append(statsPlan)
                    .append("```\n");
            BenchmarkReport.writeSection("review", "Review at 1,000,000 submissions (PostgreSQL)", md.toString());
            System.out.println(md);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    /** Median ms of each side, runs alternated: [service, sql]. */
    private static double[] alternate(Supplier<Object> service, Supplier<Object> sql) {
        for (int i = 0; i < 3; i++) {
            service.get();
            sql.get();
        }
        double[] a = new double[RUNS];
        double[] b = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            service.get();
            long t1 = System.nanoTime();
            sql.get();
            long t2 = System.nanoTime();
            a[i] = (t1 - t0) / 1e6;
            b[i] = (t2 - t1) / 1e6;
        }
        Arrays.sort(a);
        Arrays.sort(b);
        return new double[] {a[RUNS / 2], b[RUNS / 2]};
    }

    /** The total first, then the page's ids in order. */
    private static List<String> queueBySql(Connection c) {
        try (PreparedStatement ps = c.prepareStatement(QUEUE_SQL)) {
            ps.setString(1, QUARTER.toString());
            ps.setString(2, "1405");
            ps.setString(3, "1406");
            List<String> ids = new ArrayList<>();
            String total = "0";
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    total = rs.getString("total");
                    String id = rs.getString(1);
                    if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) {
                        ids.add(id);
                    }
                    rs.getString("finding_json");
                }
            }
            ids.add(0, total);
            return ids;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Object[]> statisticsBySql(Connection c, Instant lateFrom) {
        try (PreparedStatement ps = c.prepareStatement(STATISTICS_SQL)) {
            bindStatistics(ps, lateFrom);
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getBigDecimal(5)});
                }
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bindStatistics(PreparedStatement ps, Instant lateFrom) throws java.sql.SQLException {
        ps.setObject(1, java.time.OffsetDateTime.ofInstant(lateFrom, java.time.ZoneOffset.UTC));
        ps.setString(2, QUARTER.toString());
        ps.setString(3, QUARTER.previous().toString());
        ps.setString(4, QUARTER.toString());
        ps.setString(5, QUARTER.toString());
        ps.setString(6, QUARTER.toString());
    }

    interface Binder {
        void bind(PreparedStatement ps) throws java.sql.SQLException;
    }

    private static String plan(Connection c, String sql, Binder binder) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)) {
            binder.bind(ps);
            StringBuilder b = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    b.append(rs.getString(1)).append('\n');
                }
            }
            return b.toString();
        }
    }
}
