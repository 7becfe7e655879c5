package org.minedecl.server.delegation;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.minedecl.server.access.Grant;
import org.minedecl.server.access.Grants;
import org.minedecl.server.config.ServerSettings;
import org.minedecl.shared.pkg.DelegationRegistry;

/** The {@code delegation} table. A delegation is live from its first to its last day (business zone) until revoked. */
@Singleton
public class DelegationRepository implements Grants, DelegationRegistry {
    private final TransactionOperations<Connection> tx;
    private final ZoneId zone;

    public DelegationRepository(TransactionOperations<Connection> tx, ServerSettings settings) {
        this.tx = tx;
        this.zone = settings.zoneId();
    }

    /** One stored delegation. */
    public record Row(String id, String enterpriseUscc, String enterpriseName, String consultantUscc,
                      String consultantName, List<String> scope, List<String> miningLicences, LocalDate validFrom,
                      LocalDate validTo, Instant createdAt, Instant revokedAt) {
        public boolean liveAt(Instant at, ZoneId zone) {
            LocalDate day = at.atZone(zone).toLocalDate();
            return (revokedAt == null || revokedAt.isAfter(at)) && !day.isBefore(validFrom) && !day.isAfter(validTo);
        }
    }

    @Override
    public List<Grant> liveFor(String consultantUscc, Instant at) {
        List<Grant> out = new ArrayList<>();
        for (Row r : select("consultant_uscc = ?", consultantUscc)) {
            if (r.liveAt(at, zone)) {
                out.add(new Grant(r.id(), r.enterpriseUscc(), r.miningLicences(), r.scope().contains("SIGN")));
            }
        }
        return out;
    }

    /** The package verifier's question: a live SIGN delegation for this licence at {@code at}. */
    @Override
    public boolean maySign(String enterpriseUscc, String consultantUscc, String miningLicence, Instant at) {
        for (Row r : select("consultant_uscc = ? AND enterprise_uscc = ?", consultantUscc, enterpriseUscc)) {
            if (r.scope().contains("SIGN") && r.liveAt(at, zone)
                    && (r.miningLicences().isEmpty() || r.miningLicences().contains(miningLicence))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean known(String enterpriseUscc, String consultantUscc) {
        return !select("consultant_uscc = ? AND enterprise_uscc = ?", consultantUscc, enterpriseUscc).isEmpty();
    }

    /** Those {@code uscc} gave or received, newest first. */
    public List<Row> involving(String uscc) {
        return select("enterprise_uscc = ? OR consultant_uscc = ?", uscc, uscc);
    }

    public java.util.Optional<Row> find(String id) {
        return select("id = ?", id).stream().findFirst();
    }

    public java.util.Optional<Row> findByPackage(String sha256) {
        return select("package_sha256 = ?", sha256).stream().findFirst();
    }

    public void insert(Row r, String sha256, byte[] pkg, String signerSubject) {
        tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("INSERT INTO delegation (id, "
                    + "enterprise_uscc, enterprise_name, consultant_uscc, consultant_name, scope, mining_licences, "
                    + "valid_from, valid_to, package_sha256, package_bytes, signer_subject, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.id());
                ps.setString(2, r.enterpriseUscc());
                ps.setString(3, r.enterpriseName());
                ps.setString(4, r.consultantUscc());
                ps.setString(5, r.consultantName());
                ps.setString(6, String.join(",", r.scope()));
                ps.setString(7, r.miningLicences().isEmpty() ? null : String.join(",", r.miningLicences()));
                ps.setObject(8, r.validFrom());
                ps.setObject(9, r.validTo());
                ps.setString(10, sha256);
                ps.setBytes(11, pkg);
                ps.setString(12, signerSubject);
                ps.setObject(13, r.createdAt().atOffset(java.time.ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Sets the revocation time once; false when it was already revoked (or does not exist). */
    public boolean revoke(String id, Instant at, String by) {
        return tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "UPDATE delegation SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")) {
                ps.setObject(1, at.atOffset(java.time.ZoneOffset.UTC));
                ps.setString(2, by);
                ps.setString(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private List<Row> select(String where, String... args) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT id, enterprise_uscc, "
                    + "enterprise_name, consultant_uscc, consultant_name, scope, mining_licences, valid_from, valid_to, "
                    + "created_at, revoked_at FROM delegation WHERE " + where + " ORDER BY created_at DESC, id")) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String licences = rs.getString(7);
                        java.time.OffsetDateTime revoked = rs.getObject(11, java.time.OffsetDateTime.class);
                        out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), Arrays.asList(rs.getString(6).split(",")),
                                licences == null ? List.of() : Arrays.asList(licences.split(",")),
                                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                                rs.getObject(10, java.time.OffsetDateTime.class).toInstant(),
                                revoked == null ? null : revoked.toInstant()));
                    }
                }
                return out;
            }
        });
    }
}
