package org.minedecl.server.submission;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.micronaut.transaction.TransactionOperations;
import org.minedecl.server.storage.StorageFailure;
import org.minedecl.server.util.TimeOrderedIds;
import org.minedecl.server.util.Causes;

/**
 * Plain, portable SQL (H2 and PostgreSQL) over the tables of {@code V1__submissions.sql}. {@link #store} writes
 * one submission with everything that belongs to it in a single transaction.
 */
@Singleton
public class SubmissionRepository {
    static final int CHUNK_BYTES = 1 << 20;
    private final TransactionOperations<Connection> tx;
    private final javax.sql.DataSource rawDataSource;

    public SubmissionRepository(TransactionOperations<Connection> tx, javax.sql.DataSource dataSource) {
        this.tx = tx;
        this.rawDataSource = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** A stored receipt: its id, the receipt JSON and the signed receipt bytes. */
    public record StoredReceipt(String id, String receiptJson, byte[] receiptCms) {
    }

    /** One finding or flag row to store: the finding's JSON and its indexable columns. */
    /**
     * One finding as stored; {@code rulePack} ({@code "SZ@1.1.0"}) is the pack and version that set its severity and
     * disposition, kept in the flag table for the abnormal-list register.
     */
    public record FindingRow(String ruleId, String severity, String disposition, String path, String json,
                             String rulePack) {
        public FindingRow(String ruleId, String severity, String disposition, String path, String json) {
            this(ruleId, severity, disposition, path, json, null);
        }
    }

    /** Everything stored for one accepted submission. */
    public record NewSubmission(String id, String packageSha256, String signedContentKey, long packageSize,
                                FileChannel packageBytes,
                                String period, String jurisdiction, String uscc, String miningLicence, String status,
                                Instant receivedAt, Instant signingTime, String signerSubject, String amends,
                                String declarationJson, String receiptJson, byte[] receiptCms,
                                List<FindingRow> findings, String actor) {
    }

    /** Why a store did not happen although the input was fine: the caller decides the answer. */
    public static final class StoreConflict extends RuntimeException {
        public enum Kind { AMENDS_UNKNOWN, AMENDS_NOT_CURRENT, PERIOD_TAKEN }

        private final Kind kind;

        StoreConflict(Kind kind, String detail) {
            super(detail, null, false, false);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    @FunctionalInterface
    interface Work<R> {
        R run(Connection c) throws SQLException, IOException;
    }

    /**
     * Reads run on a pooled connection in auto-commit mode, outside any transaction: each is one consistent
     * statement (or reads rows that never change), and on H2 it spares the commit that would otherwise queue
     * behind the writers' disk writes.
     */
    <R> R read(Work<R> work) {
        try (Connection c = rawDataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        } catch (SQLException | IOException e) {
            throw new StorageFailure(e.toString(), e);
        }
    }

    /** One transaction; any failure of it (the commit included) is a {@link StorageFailure} naming the root cause. */
    <R> R write(Work<R> work) {
        try {
            return tx.executeWrite(status -> work.run(status.getConnection()));
        } catch (Exception e) {
            throw new StorageFailure(Causes.root(e).toString(), e);
        }
    }

    public Optional<StoredReceipt> findReceiptByPackage(String sha256) {
        return read(c -> receipt(c, "package_sha256", sha256));
    }

    /**
     * The receipt of the same filing: the package with these bytes, or else the one with this signed content
     * (the same signed manifest and signature value, however it was zipped; {@code signedContentKey} may be null).
     */
    public Optional<StoredReceipt> findReceiptOfSameFiling(String sha256, String signedContentKey) {
        return read(c -> {
            Optional<StoredReceipt> r = receipt(c, "package_sha256", sha256);
            return r.isPresent() || signedContentKey == null ? r
                    : receipt(c, "signed_content_key", signedContentKey);
        });
    }

    /** Who the acceptance of submission {@code id} names as its signer (the audit event's actor). */
    public Optional<String> acceptedBy(String id) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT actor FROM audit_event WHERE submission_id = ?"
                    + " AND action IN ('SUBMISSION_ACCEPTED', 'AMENDMENT_ACCEPTED')")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public Optional<StoredReceipt> findReceipt(String id) {
        return read(c -> receipt(c, "id", id));
    }

    private static Optional<StoredReceipt> receipt(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, receipt_json, receipt_cms FROM submission WHERE " + column + " = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredReceipt(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                        : Optional.empty();
            }
        }
    }

    /**
     * What the upload of a first filing needs to know of its licence: the submission in force for {@code period}
     * (null when none), with the package digest and signed-content key it was stored under, so that an upload can
     * tell its own filing (stored by a concurrent copy of it) from another one. The earlier declarations the history
     * rules need are read by {@link org.minedecl.server.rules.AcceptedHistory}.
     */
    public record Filings(String current, String currentSha256, String currentSignedContentKey) {
        public static final Filings NONE = new Filings(null, null, null);

        /** Whether the submission in force is the filing with these package bytes or this signed content. */
        public boolean currentIs(String sha256, String signedContentKey) {
            return current != null && (sha256.equals(currentSha256)
                    || signedContentKey != null && signedContentKey.equals(currentSignedContentKey));
        }
    }

    /**
     * The submission in force for a licence and quarter, read in one statement with the digest and key of that very
     * row (by its primary key): the answer never depends on a second look that a concurrent commit could fall between.
     */
    public Filings filings(String miningLicence, String period) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.package_sha256, s.signed_content_key "
                    + "FROM period_filing f JOIN submission s ON s.id = f.submission_id "
                    + "WHERE f.mining_licence = ? AND f.period = ?")) {
                ps.setString(1, miningLicence);
                ps.setString(2, period);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Filings(rs.getString(1), rs.getString(2), rs.getString(3))
                            : Filings.NONE;
                }
            }
        });
    }

    /**
     * Stores accepted submissions in one transaction (group commit), each under its own savepoint: a submission
     * is stored whole (row, package chunks, findings, flags, filing and audit event) or not at all, and one that
     * fails does not take the others with it. Nothing is durable before this returns.
     *
     * @return one entry per submission, in order: null when it was stored, otherwise the {@link StoreConflict}
     *         or {@link StorageFailure} that kept it out. When the commit itself fails, every entry is that failure.
     */
    List<RuntimeException> storeBatch(List<NewSubmission> batch) {
        List<RuntimeException> outcomes = new ArrayList<>();
        try {
            write(c -> {
                outcomes.clear();
                for (NewSubmission s : batch) {
                    outcomes.add(storeUnderSavepoint(c, s));
                }
                return null;
            });
            return outcomes;
        } catch (StorageFailure e) {
            return java.util.Collections.nCopies(batch.size(), e);
        }
    }

    /** Stores one submission of a batch; on any failure rolls back to before it and returns why. */
    private RuntimeException storeUnderSavepoint(Connection c, NewSubmission s) throws SQLException {
        java.sql.Savepoint sp = c.setSavepoint();
        try {
            storeOne(c, s);
            c.releaseSavepoint(sp);
            return null;
        } catch (StoreConflict e) {
            c.rollback(sp);
            return e;
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback(sp);
            return new StorageFailure(e.toString(), e);
        }
    }

    /** Row, package chunks, findings, flags, filing and audit event of one submission, on {@code c}. */
    private void storeOne(Connection c, NewSubmission s) throws SQLException, IOException {
        if (s.amends() != null) {
            checkAmendable(c, s);
        }
        insertSubmission(c, s);
        insertChunks(c, s.id(), s.packageBytes(), s.packageSize());
        insertFindings(c, s);
        if (s.amends() == null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO period_filing (mining_licence, period, submission_id) VALUES (?, ?, ?)")) {
                ps.setString(1, s.miningLicence());
                ps.setString(2, s.period());
                ps.setString(3, s.id());
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE period_filing SET submission_id = ? "
                    + "WHERE mining_licence = ? AND period = ? AND submission_id = ?")) {
                ps.setString(1, s.id());
                ps.setString(2, s.miningLicence());
                ps.setString(3, s.period());
                ps.setString(4, s.amends());
                if (ps.executeUpdate() != 1) {
                    throw new StoreConflict(StoreConflict.Kind.AMENDS_NOT_CURRENT,
                            "receipt " + s.amends() + " has already been corrected by a later declaration");
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE submission SET superseded_by = ? WHERE id = ? AND superseded_by IS NULL")) {
                ps.setString(1, s.id());
                ps.setString(2, s.amends());
                if (ps.executeUpdate() != 1) {
                    throw new StoreConflict(StoreConflict.Kind.AMENDS_NOT_CURRENT,
                            "receipt " + s.amends() + " has already been corrected by a later declaration");
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (id, at, action, submission_id,"
                + " actor, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, TimeOrderedIds.next(s.receivedAt().toEpochMilli()));
            ps.setObject(2, OffsetDateTime.ofInstant(s.receivedAt(), ZoneOffset.UTC));
            ps.setString(3, s.amends() == null ? "SUBMISSION_ACCEPTED" : "AMENDMENT_ACCEPTED");
            ps.setString(4, s.id());
            ps.setString(5, truncate(s.actor(), 256));
            ps.setString(6, truncate("status=" + s.status() + " sha256=" + s.packageSha256()
                    + (s.amends() == null ? "" : " amends=" + s.amends()), 2000));
            ps.executeUpdate();
        }
    }

    private static void checkAmendable(Connection c, NewSubmission s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT mining_licence, period, superseded_by FROM submission WHERE id = ?")) {
            ps.setString(1, s.amends());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getString(1).equals(s.miningLicence()) || !rs.getString(2).equals(s.period())) {
                    throw new StoreConflict(StoreConflict.Kind.AMENDS_UNKNOWN, "amends names " + s.amends()
                            + ", which is no receipt of mining licence " + s.miningLicence() + " for " + s.period());
                }
                if (rs.getString(3) != null) {
                    throw new StoreConflict(StoreConflict.Kind.AMENDS_NOT_CURRENT, "receipt " + s.amends()
                            + " has already been corrected by " + rs.getString(3));
                }
            }
        }
    }

    private static void insertSubmission(Connection c, NewSubmission s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO submission (id, package_sha256, package_size, "
                + "period, jurisdiction, uscc, mining_licence, status, received_at, signing_time, signer_subject, "
                + "amends, declaration_json, receipt_json, receipt_cms, signed_content_key) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.id());
            ps.setString(2, s.packageSha256());
            ps.setLong(3, s.packageSize());
            ps.setString(4, s.period());
            ps.setString(5, s.jurisdiction());
            ps.setString(6, s.uscc());
            ps.setString(7, s.miningLicence());
            ps.setString(8, s.status());
            ps.setObject(9, OffsetDateTime.ofInstant(s.receivedAt(), ZoneOffset.UTC));
            ps.setObject(10, s.signingTime() == null ? null
                    : OffsetDateTime.ofInstant(s.signingTime(), ZoneOffset.UTC), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setString(11, truncate(s.signerSubject(), 1024));
            ps.setString(12, s.amends());
            ps.setString(13, s.declarationJson());
            ps.setString(14, s.receiptJson());
            ps.setBytes(15, s.receiptCms());
            ps.setString(16, s.signedContentKey());
            ps.executeUpdate();
        }
    }

    /** The package's bytes, {@code size} of them from offset 0 of {@code bytes}, in chunks of {@link #CHUNK_BYTES}. */
    private static void insertChunks(Connection c, String id, FileChannel bytes, long size)
            throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO package_chunk (submission_id, seq, bytes) VALUES (?, ?, ?)")) {
            int seq = 0;
            for (long pos = 0; pos < size; pos += CHUNK_BYTES) {
                ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, size - pos));
                while (chunk.hasRemaining()) {
                    if (bytes.read(chunk, pos + chunk.position()) < 0) {
                        throw new IOException("the spooled package ended after " + (pos + chunk.position())
                                + " of " + size + " bytes");
                    }
                }
                ps.setString(1, id);
                ps.setInt(2, seq++);
                ps.setBytes(3, chunk.array());
                ps.executeUpdate();
            }
        }
    }

    private static void insertFindings(Connection c, NewSubmission s) throws SQLException {
        try (PreparedStatement f = c.prepareStatement("INSERT INTO finding (submission_id, seq, rule_id, severity, "
                + "disposition, path, finding_json) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement g = c.prepareStatement("INSERT INTO flag (submission_id, seq, rule_id, disposition, "
                     + "state, jurisdiction, uscc, mining_licence, period, created_at, rule_pack) "
                     + "VALUES (?, ?, ?, ?, 'CANDIDATE', ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (FindingRow row : s.findings()) {
                f.setString(1, s.id());
                f.setInt(2, seq);
                f.setString(3, truncate(row.ruleId(), 40));
                f.setString(4, row.severity());
                f.setString(5, row.disposition());
                f.setString(6, truncate(row.path(), 512));
                f.setString(7, row.json());
                f.executeUpdate();
                if ("FLAG".equals(row.severity())) {
                    g.setString(1, s.id());
                    g.setInt(2, seq);
                    g.setString(3, truncate(row.ruleId(), 40));
                    g.setString(4, row.disposition() == null ? "ABNORMAL_LIST" : row.disposition());
                    g.setString(5, s.jurisdiction());
                    g.setString(6, s.uscc());
                    g.setString(7, s.miningLicence());
                    g.setString(8, s.period());
                    g.setObject(9, OffsetDateTime.ofInstant(s.receivedAt(), ZoneOffset.UTC));
                    g.setString(10, truncate(row.rulePack(), 64));
                    g.executeUpdate();
                }
                seq++;
            }
        }
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Reads one chunk of a stored package (chunks are immutable, so each read can be its own transaction). */
    public Optional<byte[]> chunk(String id, int seq) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT bytes FROM package_chunk WHERE submission_id = ? AND seq = ?")) {
                ps.setString(1, id);
                ps.setInt(2, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    static List<String> strings(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
            out.add(rs.getString(1));
        }
        return out;
    }
}
