package org.minedecl.server.admin;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.minedecl.server.access.Regulators;

/** The {@code regulator} table; removal keeps the row (with {@code removed_at}). */
@Singleton
public class RegulatorRepository implements Regulators {
    private static final String COLUMNS = "id, name, fingerprint, subject, serial, jurisdictions, created_at, removed_at";
    private final TransactionOperations<Connection> tx;

    public RegulatorRepository(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** One registry row. */
    public record Row(String id, String name, String fingerprint, String subject, String serial,
                      List<String> jurisdictions, Instant createdAt, Instant removedAt) {
    }

    @Override
    public Optional<Registered> byFingerprint(String fingerprint) {
        return select("fingerprint = ? AND removed_at IS NULL", fingerprint).stream().findFirst().map(RegulatorRepository::registered);
    }

    @Override
    public Optional<Registered> live(String id) {
        return select("id = ? AND removed_at IS NULL", id).stream().findFirst().map(RegulatorRepository::registered);
    }

    private static Registered registered(Row r) {
        return new Registered(r.id(), r.name(), r.fingerprint(), r.jurisdictions());
    }

    /** The registered regulators (removed ones left out), oldest first. */
    public List<Row> list() {
        return select("removed_at IS NULL");
    }

    public void insert(Row r, String certificatePem, String by) {
        tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("INSERT INTO regulator (id, name, "
                    + "certificate_pem, fingerprint, subject, serial, jurisdictions, created_at, created_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.id());
                ps.setString(2, r.name());
                ps.setString(3, certificatePem);
                ps.setString(4, r.fingerprint());
                ps.setString(5, r.subject());
                ps.setString(6, r.serial());
                ps.setString(7, String.join(",", r.jurisdictions()));
                ps.setObject(8, r.createdAt().atOffset(ZoneOffset.UTC));
                ps.setString(9, by);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Marks the regulator removed; false when it was not registered. */
    public boolean remove(String id, Instant at, String by) {
        return tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "UPDATE regulator SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL")) {
                ps.setObject(1, at.atOffset(ZoneOffset.UTC));
                ps.setString(2, by);
                ps.setString(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private List<Row> select(String where, String... args) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT " + COLUMNS
                    + " FROM regulator WHERE " + where + " ORDER BY created_at, id")) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime removed = rs.getObject(8, OffsetDateTime.class);
                        out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), Arrays.asList(rs.getString(6).split(",")),
                                rs.getObject(7, OffsetDateTime.class).toInstant(),
                                removed == null ? null : removed.toInstant()));
                    }
                }
                return out;
            }
        });
    }
}
