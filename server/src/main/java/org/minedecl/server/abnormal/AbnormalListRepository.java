package org.minedecl.server.abnormal;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.minedecl.server.submission.SubmissionQueries;

/**
 * Reads the flag table. Entries of a declaration that a later amendment superseded are left out: the
 * correction's own flags (if any) are the ones in force.
 */
@Singleton
public class AbnormalListRepository {
    private final TransactionOperations<Connection> tx;

    public AbnormalListRepository(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** One candidate (or confirmed) entry. */
    public record Entry(String submissionId, String ruleId, String disposition, String state, String jurisdiction,
                        String uscc, String miningLicence, String period, OffsetDateTime createdAt) {
    }

    public List<Entry> entries(String jurisdiction) {
        return tx.executeRead(status -> {
            Connection c = status.getConnection();
            String sql = "SELECT f.submission_id, f.rule_id, f.disposition, f.state, f.jurisdiction, f.uscc, "
                    + "f.mining_licence, f.period, f.created_at FROM flag f JOIN submission s ON s.id = f.submission_id "
                    + "WHERE s.superseded_by IS NULL AND f.state <> 'DISMISSED'"
                    + (jurisdiction == null ? "" : " AND f.jurisdiction LIKE ?")
                    + " ORDER BY f.created_at DESC, f.submission_id, f.seq LIMIT 5000";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (jurisdiction != null) {
                    ps.setString(1, SubmissionQueries.jurisdictionPrefix(jurisdiction) + "%");
                }
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getObject(9, OffsetDateTime.class)));
                    }
                }
                return out;
            }
        });
    }
}
