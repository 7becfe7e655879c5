package org.minedecl.server.review;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minedecl.server.abnormal.AbnormalListRepository;
import org.minedecl.server.abnormal.AbnormalListRepository.State;
import org.minedecl.server.storage.Database;

/**
 * Decisions, append-only: a decision is stored with the register entries it moves and its audit event in one
 * transaction, or - when there is nothing for it to move - not at all.
 */
@Singleton
public class DecisionRepository {
    private final Database db;

    public DecisionRepository(Database db) {
        this.db = db;
    }

    /** The submission a decision is about, as far as deciding needs it. */
    public record Target(String id, String period, String jurisdiction, String uscc, String miningLicence,
                         String supersededBy, Instant receivedAt) {
    }

    /** A stored decision; {@code entries}: how many register entries it moved. */
    public record Decision(String id, String submissionId, String decision, String ruleId, String reason,
                           Instant decidedAt, String decidedBy, int entries) {
    }

    /** The outcome of {@link #record}: the decision, or nothing stored because there was no entry to move. */
    public record Outcome(Decision decision, boolean nothingToMove) {
    }

    public Optional<Target> target(String submissionId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, period, jurisdiction, uscc, mining_licence, "
                    + "superseded_by, received_at FROM submission WHERE id = ?")) {
                ps.setString(1, submissionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Target(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), Database.instant(rs, 7)))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * Stores {@code d} about {@code t}, moving the register: CONFIRM_ABNORMAL confirms and DISMISS dismisses its
     * candidates (those of {@code d.ruleId()} when set) - and when there is none, nothing is stored; ACCEPT removes
     * the confirmed entries of the licence that {@code t} corrects; RETURN moves nothing.
     */
    public Outcome record(Target t, Decision d) {
        return db.write(c -> {
            int moved = switch (d.decision()) {
                case "CONFIRM_ABNORMAL" -> AbnormalListRepository.decide(c, t.id(), d.ruleId(), State.CANDIDATE,
                        State.CONFIRMED, d.id(), d.decidedAt());
                case "DISMISS" -> AbnormalListRepository.decide(c, t.id(), d.ruleId(), State.CANDIDATE,
                        State.DISMISSED, d.id(), d.decidedAt());
                case "ACCEPT" -> t.supersededBy() != null ? 0 : AbnormalListRepository.removeCorrected(c, t.id(),
                        t.miningLicence(), t.period(), t.receivedAt(), d.ruleId(), d.id(), d.decidedAt());
                default -> 0;
            };
            if (moved == 0 && ("CONFIRM_ABNORMAL".equals(d.decision()) || "DISMISS".equals(d.decision()))) {
                return new Outcome(null, true);
            }
            Decision stored = new Decision(d.id(), d.submissionId(), d.decision(), d.ruleId(), d.reason(),
                    d.decidedAt(), d.decidedBy(), moved);
            insert(c, stored);
            audit(c, stored);
            return new Outcome(stored, false);
        });
    }

    private static void insert(Connection c, Decision d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision (id, submission_id, decision, rule_id, "
                + "reason, decided_at, decided_by, entries) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.id());
            ps.setString(2, d.submissionId());
            ps.setString(3, d.decision());
            ps.setString(4, d.ruleId());
            ps.setString(5, d.reason());
            ps.setObject(6, Database.utc(d.decidedAt()));
            ps.setString(7, truncate(d.decidedBy(), 1024));
            ps.setInt(8, d.entries());
            ps.executeUpdate();
        }
    }

    private static void audit(Connection c, Decision d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (id, at, action, submission_id, "
                + "actor, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, org.minedecl.server.util.TimeOrderedIds.next(d.decidedAt().toEpochMilli()));
            ps.setObject(2, Database.utc(d.decidedAt()));
            ps.setString(3, "DECISION_" + d.decision());
            ps.setString(4, d.submissionId());
            ps.setString(5, truncate(d.decidedBy(), 256));
            ps.setString(6, truncate("decision=" + d.id() + (d.ruleId() == null ? "" : " ruleId=" + d.ruleId())
                    + " entries=" + d.entries(), 2000));
            ps.executeUpdate();
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The decisions on one submission, oldest first. */
    public List<Decision> decisions(String submissionId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, submission_id, decision, rule_id, reason, "
                    + "decided_at, decided_by, entries FROM decision WHERE submission_id = ? ORDER BY decided_at, id")) {
                ps.setString(1, submissionId);
                List<Decision> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), Database.instant(rs, 6), rs.getString(7), rs.getInt(8)));
                    }
                }
                return out;
            }
        });
    }
}
