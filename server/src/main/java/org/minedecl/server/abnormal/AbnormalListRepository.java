package org.minedecl.server.abnormal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minedecl.server.scope.Scope;
import org.minedecl.server.storage.Database;

/**
 * The abnormal-list register on the flag table (one row per FLAG finding of an accepted submission) and its life
 * cycle: CANDIDATE -> CONFIRMED or DISMISSED by a decision on the submission; CONFIRMED -> REMOVED by an ACCEPT
 * decision on a later accepted filing or amendment of the same mining licence that no longer raises the rule.
 * A candidate of a declaration that a later amendment superseded is not listed: the correction's own flags are
 * the ones in force. Confirmed entries stay listed until removed, whatever came after them.
 */
@Singleton
public class AbnormalListRepository {
    /** The most entries one answer lists. */
    public static final int MAX_ENTRIES = 5000;
    private final Database db;
    private final ObjectMapper json;

    public AbnormalListRepository(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The register's states (DISMISSED candidates are kept but never listed). */
    public enum State { CANDIDATE, CONFIRMED, DISMISSED, REMOVED }

    /**
     * One entry. {@code correctedBy}: for a CONFIRMED entry, a later accepted filing or amendment of the licence
     * that no longer raises the rule (an ACCEPT decision on it removes the entry); for a REMOVED one, the filing that
     * removed it. {@code rulePack}: the pack and version that set the disposition ({@code SZ@1.1.0}; flags stored
     * before catalogue 1.1 say {@code <PACK>@1.0.0}), so a regulator sees which version of the rules judged it.
     */
    public record Entry(String submissionId, int seq, String ruleId, String rulePack, String disposition, String state,
                        String jurisdiction, String uscc, String enterpriseName, String miningLicence, String mineName,
                        String period, Instant createdAt, String decisionId, String correctedBy,
                        String removalDecisionId, Instant updatedAt) {
    }

    /**
     * Entries inside {@code scope} and under {@code jurisdiction} (null: all of the scope), newest first, at most
     * {@link #MAX_ENTRIES}; {@code state} null lists candidates and confirmed entries.
     */
    public List<Entry> entries(Scope scope, String jurisdiction, State state) {
        String stateSql = switch (state == null ? State.CANDIDATE : state) {
            case CANDIDATE -> state == null ? "((f.state = 'CANDIDATE' AND s.superseded_by IS NULL) OR f.state = 'CONFIRMED')"
                    : "f.state = 'CANDIDATE' AND s.superseded_by IS NULL";
            case CONFIRMED -> "f.state = 'CONFIRMED'";
            case DISMISSED -> "f.state = 'DISMISSED'";
            case REMOVED -> "f.state = 'REMOVED'";
        };
        Scope.Sql where = scope.where("f.jurisdiction", "f.uscc", "f.mining_licence")
                .and(Scope.within("f.jurisdiction", jurisdiction));
        String sql = "SELECT f.submission_id, f.seq, f.rule_id, f.disposition, f.state, f.jurisdiction, f.uscc, "
                + "f.mining_licence, f.period, f.created_at, f.decision_id, f.corrected_by, f.removal_decision_id, "
                + "f.updated_at, s.declaration_json, CASE WHEN f.state = 'CONFIRMED' THEN (SELECT MIN(t.id) FROM "
                + "submission t WHERE t.mining_licence = f.mining_licence AND t.superseded_by IS NULL "
                + "AND t.period >= f.period AND t.received_at > s.received_at AND NOT EXISTS (SELECT 1 FROM flag g "
                + "WHERE g.submission_id = t.id AND g.rule_id = f.rule_id)) END AS correction, f.rule_pack "
                + "FROM flag f JOIN submission s ON s.id = f.submission_id WHERE " + stateSql + " AND (" + where.text()
                + ") ORDER BY f.created_at DESC, f.submission_id, f.seq LIMIT " + MAX_ENTRIES;
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Database.bind(ps, where.args());
                List<Entry> out = new ArrayList<>();
                Map<String, String[]> names = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        String[] n = names.get(id);
                        if (n == null) {
                            n = names(rs.getString(15));
                            names.put(id, n);
                        }
                        String correctedBy = "REMOVED".equals(rs.getString(5)) ? rs.getString(12) : rs.getString(16);
                        out.add(new Entry(id, rs.getInt(2), rs.getString(3), rs.getString(17), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), n[0], rs.getString(8), n[1], rs.getString(9),
                                Database.instant(rs, 10), rs.getString(11), correctedBy, rs.getString(13),
                                Database.instant(rs, 14)));
                    }
                }
                return out;
            }
        });
    }

    /** The enterprise's and the mine's name in a stored declaration. */
    private String[] names(String declarationJson) {
        try {
            JsonNode d = json.readTree(declarationJson);
            return new String[] {d.path("enterprise").path("name").asText(null), d.path("mine").path("name").asText(null)};
        } catch (IOException e) {
            return new String[] {null, null};
        }
    }

    /**
     * Moves the entries of one submission from {@code from} to {@code to} (only those of {@code ruleId} when not
     * null), naming the decision, on the connection of the caller's transaction.
     *
     * @return how many entries moved
     */
    public static int decide(Connection c, String submissionId, String ruleId, State from, State to,
                             String decisionId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE flag SET state = ?, decision_id = ?, updated_at = ? "
                + "WHERE submission_id = ? AND state = ?" + (ruleId == null ? "" : " AND rule_id = ?"))) {
            ps.setString(1, to.name());
            ps.setString(2, decisionId);
            ps.setObject(3, Database.utc(at));
            ps.setString(4, submissionId);
            ps.setString(5, from.name());
            if (ruleId != null) {
                ps.setString(6, ruleId);
            }
            return ps.executeUpdate();
        }
    }

    /**
     * Removes the CONFIRMED entries of {@code miningLicence} that the accepted filing {@code correction} (of
     * {@code period}, received at {@code receivedAt}) corrects: entries of that quarter or before, of submissions
     * received before it, whose rule it no longer raises ({@code ruleId} alone when not null).
     *
     * @return how many entries were removed
     */
    public static int removeCorrected(Connection c, String correction, String miningLicence, String period,
                                      Instant receivedAt, String ruleId, String decisionId, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE flag u SET state = 'REMOVED', corrected_by = ?, "
                + "removal_decision_id = ?, updated_at = ? WHERE u.state = 'CONFIRMED' AND u.mining_licence = ? "
                + "AND u.period <= ?" + (ruleId == null ? "" : " AND u.rule_id = ?")
                + " AND u.submission_id IN (SELECT o.id FROM submission o WHERE o.mining_licence = ? "
                + "AND o.received_at < ?) AND NOT EXISTS (SELECT 1 FROM flag g WHERE g.submission_id = ? "
                + "AND g.rule_id = u.rule_id)")) {
            int i = 1;
            ps.setString(i++, correction);
            ps.setString(i++, decisionId);
            ps.setObject(i++, Database.utc(at));
            ps.setString(i++, miningLicence);
            ps.setString(i++, period);
            if (ruleId != null) {
                ps.setString(i++, ruleId);
            }
            ps.setString(i++, miningLicence);
            ps.setObject(i++, Database.utc(receivedAt));
            ps.setString(i, correction);
            return ps.executeUpdate();
        }
    }
}
