package org.minedecl.server.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.minedecl.server.scope.Scope;
import org.minedecl.server.storage.Database;

/**
 * The SQL of quarterly reporting. A licence's filing for a quarter is its first accepted declaration (amendments
 * correct it, they are not filed again); the filing in force is the one {@code period_filing} names.
 */
@Singleton
public class StatisticsRepository {
    /** The most missing filings one answer lists. */
    public static final int MAX_MISSING = 5000;
    private static final String FUND_SHORTFALL_RULE = "CORE-FUND-02";
    private final Database db;
    private final ObjectMapper json;

    public StatisticsRepository(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A licence that filed {@code previous} and has no filing for the quarter asked about. */
    public record Missing(String jurisdiction, String uscc, String enterpriseName, String miningLicence,
                          String mineName, String previousPeriod, String previousSubmissionId) {
    }

    /** Counts for one jurisdiction code. */
    public record Counts(long filed, long late, long missing, Map<String, Long> flagged, BigDecimal fundShortfall) {
    }

    public List<Missing> missing(Scope scope, String jurisdiction, String period, String previous) {
        Scope.Sql where = scope.where("s.jurisdiction", "s.uscc", "s.mining_licence")
                .and(Scope.within("s.jurisdiction", jurisdiction));
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.jurisdiction, s.uscc, s.mining_licence, s.id, "
                    + "s.declaration_json FROM period_filing pf JOIN submission s ON s.id = pf.submission_id "
                    + "WHERE pf.period = ? AND (" + where.text() + ") AND NOT EXISTS (SELECT 1 FROM period_filing x "
                    + "WHERE x.mining_licence = pf.mining_licence AND x.period = ?) "
                    + "ORDER BY s.jurisdiction, s.mining_licence LIMIT " + MAX_MISSING)) {
                int i = bindPeriodFirst(ps, previous, where.args());
                ps.setString(i, period);
                List<Missing> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        JsonNode d = tree(rs.getString(5));
                        out.add(new Missing(rs.getString(1), rs.getString(2),
                                d.path("enterprise").path("name").asText(null), rs.getString(3),
                                d.path("mine").path("name").asText(null), previous, rs.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * The quarter's counts per jurisdiction code inside the scope: filings (first filings), those received at or
     * after {@code lateFrom}, missing ones (only when {@code countMissing}), current filings flagged per rule id, and
     * the sum of their fund shortfalls (CORE-FUND-02's {@code shortfall}, yuan).
     */
    public Map<String, Counts> counts(Scope scope, String jurisdiction, String period, String previous,
                                      Instant lateFrom, boolean countMissing) {
        Scope.Sql onSubmission = scope.where("s.jurisdiction", "s.uscc", "s.mining_licence")
                .and(Scope.within("s.jurisdiction", jurisdiction));
        Scope.Sql onFlag = scope.where("f.jurisdiction", "f.uscc", "f.mining_licence")
                .and(Scope.within("f.jurisdiction", jurisdiction));
        return db.read(c -> {
            Map<String, long[]> filed = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.jurisdiction, COUNT(*), SUM(CASE WHEN "
                    + "s.received_at >= ? THEN 1 ELSE 0 END) FROM submission s WHERE s.period = ? AND s.amends IS NULL "
                    + "AND (" + onSubmission.text() + ") GROUP BY s.jurisdiction")) {
                ps.setObject(1, Database.utc(lateFrom));
                ps.setString(2, period);
                Database.bind(ps, 2, onSubmission.args());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        filed.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    }
                }
            }
            Map<String, Long> missing = new TreeMap<>();
            if (countMissing) {
                try (PreparedStatement ps = c.prepareStatement("SELECT s.jurisdiction, COUNT(*) FROM period_filing pf "
                        + "JOIN submission s ON s.id = pf.submission_id WHERE pf.period = ? AND ("
                        + onSubmission.text() + ") AND NOT EXISTS (SELECT 1 FROM period_filing x "
                        + "WHERE x.mining_licence = pf.mining_licence AND x.period = ?) GROUP BY s.jurisdiction")) {
                    int i = bindPeriodFirst(ps, previous, onSubmission.args());
                    ps.setString(i, period);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            missing.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
            }
            Map<String, Map<String, Long>> flagged = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT f.jurisdiction, f.rule_id, "
                    + "COUNT(DISTINCT f.submission_id) FROM flag f JOIN period_filing pf ON pf.submission_id = "
                    + "f.submission_id WHERE f.period = ? AND (" + onFlag.text() + ") GROUP BY f.jurisdiction, f.rule_id")) {
                bindPeriodFirst(ps, period, onFlag.args());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        flagged.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2),
                                rs.getLong(3));
                    }
                }
            }
            Map<String, BigDecimal> shortfall = shortfalls(c, period, onFlag);
            Map<String, Counts> out = new TreeMap<>();
            java.util.Set<String> codes = new java.util.TreeSet<>(filed.keySet());
            codes.addAll(missing.keySet());
            codes.addAll(flagged.keySet());
            for (String code : codes) {
                long[] f = filed.getOrDefault(code, new long[2]);
                out.put(code, new Counts(f[0], f[1], missing.getOrDefault(code, 0L),
                        flagged.getOrDefault(code, Map.of()), shortfall.getOrDefault(code, BigDecimal.ZERO)));
            }
            return out;
        });
    }

    /** The fund shortfalls of the quarter's current filings per jurisdiction code, from their CORE-FUND-02 findings. */
    private Map<String, BigDecimal> shortfalls(Connection c, String period, Scope.Sql onFlag) throws SQLException {
        Map<String, BigDecimal> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT f.jurisdiction, x.finding_json FROM flag f "
                + "JOIN period_filing pf ON pf.submission_id = f.submission_id JOIN finding x ON x.submission_id = "
                + "f.submission_id AND x.seq = f.seq WHERE f.period = ? AND f.rule_id = '" + FUND_SHORTFALL_RULE
                + "' AND (" + onFlag.text() + ")")) {
            bindPeriodFirst(ps, period, onFlag.args());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String amount = tree(rs.getString(2)).path("params").path("shortfall").asText("");
                    if (amount.matches("\\d{1,15}(\\.\\d{1,2})?")) {
                        out.merge(rs.getString(1), new BigDecimal(amount), BigDecimal::add);
                    }
                }
            }
        }
        return out;
    }

    private static int bindPeriodFirst(PreparedStatement ps, String period, List<String> args) throws SQLException {
        ps.setString(1, period);
        Database.bind(ps, 1, args);
        return args.size() + 2;
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
