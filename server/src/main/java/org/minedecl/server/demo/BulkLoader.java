package org.minedecl.server.demo;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import org.minedecl.server.storage.Database;
import org.minedecl.server.util.TimeOrderedIds;
import org.minedecl.shared.declaration.Period;

/**
 * Bulk mode, for benchmarks only: inserts generated submissions straight into the tables (no package bytes, no
 * signatures, stub declarations and receipts), spread over a province's counties (140101 ... 141112) and
 * {@code quarters} quarters from {@code from} (exactly {@code submissions} rows), with the demo county's mix: about 10% late, 6% missing, 9% with a
 * fund shortfall (CORE-FUND-02) and 5% more late by over 30 days (CORE-LATE-01 FLAG). Such rows are not
 * downloadable (no package) and their receipts do not verify: never on a production database.
 */
@Singleton
@Requires(env = DemoClock.ENVIRONMENT)
public class BulkLoader {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int BATCH = 2000;
    private final Database db;

    public BulkLoader(Database db) {
        this.db = db;
    }

    /** What was inserted. */
    public record Result(long submissions, long mines, double seconds) {
    }

    public Result load(long seed, long submissions, Period from, int quarters) {
        long started = System.nanoTime();
        // about 6% of the mines miss a quarter: enough mines that the quarters hold all the rows asked for
        long mines = Math.max(1, (long) Math.ceil(submissions / (quarters * 0.93)));
        Random r = new Random(seed);
        long done = 0;
        Period p = from;
        for (int q = 0; q < quarters && done < submissions; q++, p = DemoFilings.next(p)) {
            LocalDate deadline = DemoFilings.deadline(p);
            for (long m = 0; m < mines && done < submissions; m += BATCH) {
                long end = Math.min(mines, m + BATCH);
                final Period period = p;
                final long first = m;
                final long left = submissions - done;
                done += db.write(c -> batch(c, r, period, deadline, first, end, left));
            }
        }
        return new Result(done, mines, (System.nanoTime() - started) / 1e9);
    }

    private static String county(long mine) {
        int city = (int) (mine % 11) + 1;
        int county = (int) (mine / 11 % 12) + 1;
        return String.format("14%02d%02d", city, county);
    }

    private static long batch(Connection c, Random r, Period p, LocalDate deadline, long from, long to, long left)
            throws SQLException {
        long n = 0;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO submission (id, package_sha256, package_size, "
                + "period, jurisdiction, uscc, mining_licence, status, received_at, signing_time, signer_subject, "
                + "declaration_json, receipt_json, receipt_cms) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 'bulk', ?, '{}', ?)");
             PreparedStatement pf = c.prepareStatement(
                     "INSERT INTO period_filing (mining_licence, period, submission_id) VALUES (?, ?, ?)");
             PreparedStatement fi = c.prepareStatement("INSERT INTO finding (submission_id, seq, rule_id, severity, "
                     + "disposition, path, finding_json) VALUES (?, ?, ?, 'FLAG', 'ABNORMAL_LIST', ?, ?)");
             PreparedStatement fl = c.prepareStatement("INSERT INTO flag (submission_id, seq, rule_id, disposition, "
                     + "state, jurisdiction, uscc, mining_licence, period, created_at) "
                     + "VALUES (?, ?, ?, 'ABNORMAL_LIST', 'CANDIDATE', ?, ?, ?, ?, ?)")) {
            for (long m = from; m < to && n < left; m++) {
                int roll = r.nextInt(100);
                if (roll < 6) {
                    continue; // missing this quarter
                }
                boolean late = roll < 16;
                boolean veryLate = roll >= 16 && roll < 21;
                LocalDate day = late ? deadline.plusDays(1 + r.nextInt(30))
                        : veryLate ? deadline.plusDays(31 + r.nextInt(40)) : deadline.minusDays(r.nextInt(14));
                Instant received = day.atTime(8 + r.nextInt(9), r.nextInt(60)).atZone(ZONE).toInstant();
                String id = TimeOrderedIds.next(received.toEpochMilli());
                String jurisdiction = county(m);
                String first17 = "91" + jurisdiction + String.format("B%08d", m % 100000000L);
                String uscc = first17 + org.minedecl.shared.declaration.Uscc.checkCharacter(first17);
                String licence = "C" + jurisdiction + String.format("2010127130%07d", m);
                boolean shortfall = r.nextInt(100) < 9;
                s.setString(1, id);
                s.setString(2, java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32)
                        .putLong(r.nextLong()).putLong(r.nextLong()).putLong(m).putInt(p.year() * 10 + p.quarter())
                        .array()));
                s.setString(3, p.toString());
                s.setString(4, jurisdiction);
                s.setString(5, uscc);
                s.setString(6, licence);
                s.setString(7, shortfall || veryLate ? "FLAGGED" : "ACCEPTED");
                s.setObject(8, Database.utc(received));
                s.setObject(9, Database.utc(received.minusSeconds(600)));
                s.setString(10, "{\"enterprise\":{\"name\":\"批量生成企业" + m + "\"},\"mine\":{\"name\":\"批量生成矿山" + m
                        + "\"}}");
                s.setBytes(11, new byte[] {0});
                s.addBatch();
                pf.setString(1, licence);
                pf.setString(2, p.toString());
                pf.setString(3, id);
                pf.addBatch();
                int seq = 0;
                if (shortfall) {
                    String amount = (1000 + r.nextInt(90000)) + ".00";
                    add(fi, fl, id, seq++, "CORE-FUND-02", "/restorationFund/deposited",
                            "{\"ruleId\":\"CORE-FUND-02\",\"severity\":\"FLAG\",\"disposition\":\"ABNORMAL_LIST\","
                                    + "\"params\":{\"shortfall\":\"" + amount + "\"}}", jurisdiction, uscc, licence, p,
                            received);
                }
                if (veryLate) {
                    add(fi, fl, id, seq, "CORE-LATE-01", null, "{\"ruleId\":\"CORE-LATE-01\",\"severity\":\"FLAG\","
                            + "\"disposition\":\"ABNORMAL_LIST\"}", jurisdiction, uscc, licence, p, received);
                }
                n++;
            }
            s.executeBatch();
            pf.executeBatch();
            fi.executeBatch();
            fl.executeBatch();
        }
        return n;
    }

    private static void add(PreparedStatement fi, PreparedStatement fl, String id, int seq, String rule, String path,
                            String json, String jurisdiction, String uscc, String licence, Period p, Instant at)
            throws SQLException {
        fi.setString(1, id);
        fi.setInt(2, seq);
        fi.setString(3, rule);
        fi.setString(4, path);
        fi.setString(5, json);
        fi.addBatch();
        fl.setString(1, id);
        fl.setInt(2, seq);
        fl.setString(3, rule);
        fl.setString(4, jurisdiction);
        fl.setString(5, uscc);
        fl.setString(6, licence);
        fl.setString(7, p.toString());
        fl.setObject(8, Database.utc(at));
        fl.addBatch();
    }
}
