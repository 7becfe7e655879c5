package org.minedecl.server.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.minedecl.server.scope.Scope;
import org.minedecl.server.problem.Problem;
import org.minedecl.shared.receipt.Receipt;
import org.minedecl.shared.receipt.ReceiptJson;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.RulePackInfo;

/** The reading side of submissions: filtered, paged lists; one submission with its findings; package bytes. */
@Singleton
public class SubmissionQueries {
    private static final Pattern PERIOD = Pattern.compile("\\d{4}Q[1-4]");
    private static final Pattern JURISDICTION = Pattern.compile("\\d{6}");
    private static final Pattern USCC = Pattern.compile("[0-9A-Z]{18}");
    private static final Pattern RULE = Pattern.compile("[A-Z0-9-]{1,40}");
    private final SubmissionRepository repository;
    private final ObjectMapper json;

    public SubmissionQueries(SubmissionRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /** List filters; all optional. A jurisdiction also matches everything below it (140500 matches 140525). */
    public record Filter(String period, String jurisdiction, String status, String ruleId, String uscc) {
    }

    /**
     * One submission as the API shows it; {@code amends}/{@code supersededBy} link corrections both ways.
     * {@code rulePacks} are the rule pack versions that judged it, from its receipt: a submission stored under
     * 1.0.0 keeps the findings it got then and says so (nothing is re-judged).
     */
    public record SubmissionView(String id, String packageSha256, long packageSize, String period,
                                 String jurisdiction, String uscc, String miningLicence, String status,
                                 Instant receivedAt, Instant signingTime, String signerSubject, String amends,
                                 String supersededBy, List<Finding> findings, List<RulePackInfo> rulePacks) {
    }

    /** A page of submissions, newest first. */
    public record Page(List<SubmissionView> items, int page, int size, long total) {
    }

    /** "140500" -> "1405": the code prefix that every administrative code below it starts with. */
    public static String jurisdictionPrefix(String code) {
        return Scope.prefix(code);
    }

    static void checkParam(String value, Pattern pattern, String name) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw Problem.of(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", "parameter " + name + " is not valid")
                    .exception();
        }
    }

    /** A page of the submissions that match {@code f} inside what {@code scope} lets the caller read. */
    public Page list(Filter f, Scope scope, int page, int size) {
        checkParam(f.period(), PERIOD, "period");
        checkParam(f.jurisdiction(), JURISDICTION, "jurisdiction");
        checkParam(f.uscc(), USCC, "uscc");
        checkParam(f.ruleId(), RULE, "ruleId");
        if (f.status() != null && !List.of("ACCEPTED", "FLAGGED").contains(f.status())) {
            throw Problem.of(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", "status is ACCEPTED or FLAGGED").exception();
        }
        if (page < 0 || size < 1 || size > 500) {
            throw Problem.of(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", "page >= 0 and 1 <= size <= 500").exception();
        }
        Scope.Sql inScope = scope.where("s.jurisdiction", "s.uscc", "s.mining_licence");
        List<String> args = new ArrayList<>(inScope.args());
        StringBuilder where = new StringBuilder(" WHERE (" + inScope.text() + ")");
        if (f.period() != null) {
            where.append(" AND s.period = ?");
            args.add(f.period());
        }
        if (f.jurisdiction() != null) {
            where.append(" AND ").append(org.minedecl.server.scope.Scope.range("s.jurisdiction", f.jurisdiction(),
                    args));
        }
        if (f.status() != null) {
            where.append(" AND s.status = ?");
            args.add(f.status());
        }
        if (f.uscc() != null) {
            where.append(" AND s.uscc = ?");
            args.add(f.uscc());
        }
        if (f.ruleId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM finding x WHERE x.submission_id = s.id AND x.rule_id = ?)");
            args.add(f.ruleId());
        }
        return repository.read(c -> {
            // one statement for the page and the total (a window count), one for the page's findings
            long total = 0;
            List<String> ids = new ArrayList<>();
            java.util.Map<String, SubmissionView> rows = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", COUNT(*) OVER () AS total "
                    + "FROM submission s" + where + " ORDER BY s.received_at DESC, s.id LIMIT " + size + " OFFSET "
                    + ((long) page * size))) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        total = rs.getLong("total");
                        SubmissionView v = view(rs, new ArrayList<>());
                        ids.add(v.id());
                        rows.put(v.id(), v);
                    }
                }
            }
            if (ids.isEmpty()) {
                total = count(c, where, args);
            } else {
                try (PreparedStatement ps = c.prepareStatement("SELECT submission_id, finding_json FROM finding "
                        + "WHERE submission_id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
                        + ") ORDER BY submission_id, seq")) {
                    bind(ps, ids);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.get(rs.getString(1)).findings().add(readFinding(rs.getString(2)));
                        }
                    }
                }
            }
            return new Page(List.copyOf(rows.values()), page, size, total);
        });
    }

    /** The total of a filter whose page is empty (a page past the end still reports how many there are). */
    private static long count(java.sql.Connection c, CharSequence where, List<String> args) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM submission s" + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static final String COLUMNS = "s.id, s.package_sha256, s.package_size, s.period, s.jurisdiction, s.uscc, "
            + "s.mining_licence, s.status, s.received_at, s.signing_time, s.signer_subject, s.amends, s.superseded_by, "
            + "s.receipt_json";

    private static SubmissionView view(ResultSet rs, List<Finding> findings) throws java.sql.SQLException {
        return new SubmissionView(rs.getString("id"), rs.getString("package_sha256"), rs.getLong("package_size"),
                rs.getString("period"), rs.getString("jurisdiction"), rs.getString("uscc"),
                rs.getString("mining_licence"), rs.getString("status"), SubmissionRepository.instant(rs, "received_at"),
                SubmissionRepository.instant(rs, "signing_time"), rs.getString("signer_subject"),
                rs.getString("amends"), rs.getString("superseded_by"), findings,
                receiptJsonOf(rs.getString("receipt_json")).rulePacks());
    }

    private static void bind(PreparedStatement ps, List<String> args) throws java.sql.SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setString(i + 1, args.get(i));
        }
    }

    public Optional<SubmissionView> find(String id) {
        return repository.read(c -> find(c, id));
    }

    private Optional<SubmissionView> find(java.sql.Connection c, String id) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM submission s WHERE s.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<Finding> findings = new ArrayList<>();
                try (PreparedStatement fs = c.prepareStatement(
                        "SELECT finding_json FROM finding WHERE submission_id = ? ORDER BY seq")) {
                    fs.setString(1, id);
                    try (ResultSet frs = fs.executeQuery()) {
                        while (frs.next()) {
                            findings.add(readFinding(frs.getString(1)));
                        }
                    }
                }
                return Optional.of(view(rs, findings));
            }
        }
    }

    private Finding readFinding(String text) {
        try {
            return json.readValue(text, Finding.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored finding unreadable", e);
        }
    }

    private static Receipt receiptJsonOf(String text) {
        try {
            return ReceiptJson.fromBytes(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("stored receipt unreadable", e);
        }
    }

    public Optional<SubmissionRepository.StoredReceipt> receipt(String id) {
        return repository.findReceipt(id);
    }

    public Receipt receiptOf(SubmissionRepository.StoredReceipt r) {
        try {
            return ReceiptJson.fromBytes(r.receiptJson().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("stored receipt unreadable", e);
        }
    }

    /** The stored package, read chunk by chunk as the response is written. */
    public InputStream openPackage(String id) {
        return new InputStream() {
            private byte[] chunk = new byte[0];
            private int pos;
            private int next;
            private boolean end;

            private boolean fill() {
                while (!end && pos >= chunk.length) {
                    Optional<byte[]> c = repository.chunk(id, next++);
                    if (c.isEmpty()) {
                        end = true;
                    } else {
                        chunk = c.get();
                        pos = 0;
                    }
                }
                return !end || pos < chunk.length;
            }

            @Override
            public int read() {
                return fill() && pos < chunk.length ? chunk[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!fill() || pos >= chunk.length) {
                    return -1;
                }
                int n = Math.min(len, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }
}
