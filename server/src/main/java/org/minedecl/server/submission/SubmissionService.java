package org.minedecl.server.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minedecl.server.access.CertificateRef;
import org.minedecl.server.config.ServerSettings;
import org.minedecl.server.problem.AuditLog;
import org.minedecl.server.problem.Problem;
import org.minedecl.server.problem.ProblemException;
import org.minedecl.server.receipt.ReceiptKeyService;
import org.minedecl.server.rules.AcceptedHistory;
import org.minedecl.server.rules.RuleService;
import org.minedecl.server.storage.StorageFailure;
import org.minedecl.server.util.TimeOrderedIds;
import org.minedecl.server.trust.PackageCheck;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.ParseResult;
import org.minedecl.shared.pkg.CheckResult;
import org.minedecl.shared.pkg.VerificationReport;
import org.minedecl.shared.receipt.Receipt;
import org.minedecl.shared.receipt.ReceiptJson;
import org.minedecl.shared.rules.DeclarationValidator;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.History;
import org.minedecl.shared.rules.RulePackHeader;
import org.minedecl.shared.rules.RulePackInfo;
import org.minedecl.shared.rules.Severity;
import org.minedecl.shared.signature.SignerIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upload from spooled bytes to a receipt: replay check, package verification as of the receipt time,
 * the rules as of the signing date (with the accepted earlier declarations of the same licence), one
 * transaction, and only then the receipt. Every refusal is a {@link Problem}; nothing is stored for it.
 */
@Singleton
public class SubmissionService {
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionService.class);
    private final SubmissionRepository repository;
    private final GroupCommit groupCommit;
    private final PackageCheck packageCheck;
    private final RuleService rules;
    private final AcceptedHistory acceptedHistory;
    private final ReceiptKeyService keys;
    private final Clock clock;
    private final ServerSettings settings;
    private final ObjectMapper json;
    /** Megabytes of packages being written at once (see {@link ServerSettings#storeBudgetMb()}). */
    private final java.util.concurrent.Semaphore storeBudget;
    /**
     * Uploads being checked at once (one per processor by default), first come first served: 32 uploads checked
     * side by side on 2 cores each take 16 times longer, and the thread committing to the database waits its turn
     * for a core among them.
     */
    private final java.util.concurrent.Semaphore checkSlots;

    public SubmissionService(SubmissionRepository repository, GroupCommit groupCommit, PackageCheck packageCheck,
                             RuleService rules, AcceptedHistory acceptedHistory, ReceiptKeyService keys, Clock clock,
                             ServerSettings settings, ObjectMapper json) {
        this.repository = repository;
        this.groupCommit = groupCommit;
        this.packageCheck = packageCheck;
        this.rules = rules;
        this.acceptedHistory = acceptedHistory;
        this.keys = keys;
        this.clock = clock;
        this.settings = settings;
        this.json = json;
        this.storeBudget = new java.util.concurrent.Semaphore(Math.max(1, settings.storeBudgetMb()), true);
        this.checkSlots = new java.util.concurrent.Semaphore(settings.checkThreadsResolved(), true);
    }

    /** The answer to an accepted upload: the receipt, and whether it was created now or replayed. */
    public record Outcome(boolean created, Receipt receipt, byte[] signedReceipt) {
    }

    /**
     * @param clientPacks the {@link RulePackHeader} the uploading client sent (the packs it checked with), or null
     */
    public Outcome submit(UploadSpooler.Spooled upload, String remote, String clientPacks) {
        List<RulePackInfo> declaredPacks = declaredPacks(clientPacks);
        Optional<Outcome> replay = replay(upload.sha256());
        if (replay.isPresent()) {
            // the very bytes of a stored filing: its signer is the one its acceptance named
            String who = repository.acceptedBy(replay.get().receipt().receiptId())
                    .orElse(AuditLog.unknownSigner(remote));
            return replayed(replay.get(), who, upload.sha256());
        }
        Instant receivedAt = clock.instant();
        Prepared p;
        checkSlots.acquireUninterruptibly();
        try {
            p = prepare(upload, receivedAt, declaredPacks);
        } finally {
            checkSlots.release();
        }
        if (p.replayed() != null) {
            return replayed(p.replayed(), p.who(), upload.sha256());
        }
        try {
            return store(upload, p);
        } catch (ProblemException e) {
            throw e.by(p.who());
        }
    }

    private Outcome store(UploadSpooler.Spooled upload, Prepared p) {
        Receipt receipt = p.receipt();
        byte[] signed = p.signed();
        Declaration d = p.declaration();
        var row = p.row();
        int permits = (int) Math.max(1, Math.min(Math.max(1, settings.storeBudgetMb()), upload.size() >> 20));
        storeBudget.acquireUninterruptibly(permits);
        try {
            groupCommit.store(row); // returns once committed
        } catch (SubmissionRepository.StoreConflict e) {
            // the same filing may have been stored meanwhile (by another upload of it to this instance or
            // another): then its first receipt is the answer, whatever conflict its store ran into
            Optional<Outcome> late = replay(upload.sha256(), row.signedContentKey());
            if (late.isPresent()) {
                return replayed(late.get(), p.who(), upload.sha256());
            }
            switch (e.kind()) {
                case AMENDS_UNKNOWN:
                    throw Problem.of(HttpStatus.UNPROCESSABLE_ENTITY, "AMENDS_UNKNOWN", e.getMessage()).exception();
                case AMENDS_NOT_CURRENT:
                    throw Problem.of(HttpStatus.CONFLICT, "AMENDS_NOT_CURRENT", e.getMessage()).exception();
                default:
                    throw periodTaken(d, "?").exception();
            }
        } catch (StorageFailure e) {
            return afterFailedStore(upload.sha256(), row.signedContentKey(), d, e, p.who());
        } finally {
            storeBudget.release(permits);
        }
        AuditLog.accepted(p.who(), receipt.receiptId(), upload.sha256(), receipt.status().name(), false);
        return new Outcome(true, receipt, signed);
    }

    private static Outcome replayed(Outcome o, String who, String sha256) {
        AuditLog.accepted(who, o.receipt().receiptId(), sha256, o.receipt().status().name(), true);
        return o;
    }

    /** An upload checked and receipted, ready to store; or the receipt of the identical package stored meanwhile. */
    private record Prepared(Outcome replayed, Receipt receipt, byte[] signed, SubmissionRepository.NewSubmission row,
                            Declaration declaration, String who) {
        static Prepared replayed(Outcome o, String who) {
            return new Prepared(o, null, null, null, null, who);
        }
    }

    /** The signer as the audit trail names it, {@code subject="..." uscc=... serial=...}; null when unknown. */
    static String signerOf(VerificationReport report) {
        if (report.signer() == null) {
            return null;
        }
        return CertificateRef.of(report.signer(), SignerIdentity.readUscc(report.signer()).code()).audit();
    }

    /** The CPU work of an upload: package verification, the rules, the signed receipt. */
    private Prepared prepare(UploadSpooler.Spooled upload, Instant receivedAt, List<RulePackInfo> declaredPacks) {
        VerificationReport report = packageCheck.verify(upload.channel(), receivedAt);
        String who = signerOf(report);
        try {
            return check(upload, report, who, receivedAt, declaredPacks);
        } catch (ProblemException e) {
            throw e.by(who);
        }
    }

    private Prepared check(UploadSpooler.Spooled upload, VerificationReport report, String who, Instant receivedAt,
                           List<RulePackInfo> declaredPacks) {
        if (!report.valid()) {
            throw packageProblem(report).exception();
        }
        String key = report.signedContentKey();
        // the same filing in other bytes (re-zipped, the CMS's unsigned parts re-encoded): its first receipt
        Optional<Outcome> same = replay(upload.sha256(), key);
        if (same.isPresent()) {
            return Prepared.replayed(same.get(), who);
        }
        byte[] declarationBytes = report.declarationBytes();
        ParseResult parsedResult = report.parsedDeclaration(); // parsed once, by the verifier's signer binding
        Declaration parsed = parsedResult.declaration();
        String licence = parsed == null || parsed.licences() == null || parsed.licences().mining() == null ? null
                : parsed.licences().mining().number();
        SubmissionRepository.Filings filings = licence == null || parsed.parsedPeriod() == null
                ? SubmissionRepository.Filings.NONE : repository.filings(licence, parsed.period());
        History history = licence == null ? History.NONE : acceptedHistory.of(licence, parsed.parsedPeriod());
        LocalDate signingDate = LocalDate.ofInstant(report.signingTime() == null ? receivedAt : report.signingTime(),
                settings.zoneId());
        DeclarationValidator.ValidationResult result = rules.validate(parsedResult, signingDate, history);
        Declaration d = result.declaration();
        if (d == null) {
            // not a JSON object at all, or over a parser limit (depth, number/string length, size, duplicate keys)
            throw Problem.of(HttpStatus.BAD_REQUEST, "DECLARATION_UNREADABLE",
                    "declaration.json cannot be read as a declaration").withFindings(result.findings()).exception();
        }
        if (result.hasErrors() || d == null || d.enterprise() == null || d.licences() == null
                || d.licences().mining() == null || d.licences().mining().number() == null || d.period() == null
                || d.jurisdiction() == null) {
            throw Problem.of(HttpStatus.UNPROCESSABLE_ENTITY, "DECLARATION_INVALID",
                    "the declaration has ERROR findings").withFindings(errorsFirst(result.findings())).exception();
        }
        String amends = d.amends() == null || d.amends().isBlank() ? null : d.amends();
        if (amends == null && filings.current() != null) {
            // the same filing may have been stored while this one was being checked: that is a replay
            Optional<Outcome> own = ownFiling(upload.sha256(), key, filings);
            if (own.isPresent()) {
                return Prepared.replayed(own.get(), who);
            }
            throw periodTaken(d, filings.current()).exception();
        }
        boolean flagged = result.findings().stream().anyMatch(f -> f.severity() == Severity.FLAG);
        Receipt receipt = new Receipt(TimeOrderedIds.next(receivedAt.toEpochMilli()), upload.sha256(), d.period(),
                d.enterprise().uscc(), d.licences().mining().number(), d.jurisdiction(), receivedAt,
                flagged ? Receipt.Status.FLAGGED : Receipt.Status.ACCEPTED, result.findings(), amends,
                rules.packs(), declaredPacks);
        byte[] signed = keys.signer().sign(receipt);
        List<SubmissionRepository.FindingRow> rows = new ArrayList<>();
        for (Finding f : result.findings()) {
            rows.add(new SubmissionRepository.FindingRow(f.ruleId(), f.severity().name(),
                    f.disposition() == null ? null : f.disposition().name(), f.path(), toJson(f),
                    f.severityFrom() == null ? null : f.severityFrom().toString()));
        }
        var row = new SubmissionRepository.NewSubmission(receipt.receiptId(), upload.sha256(), key, upload.size(),
                upload.channel(), d.period(), d.jurisdiction(), d.enterprise().uscc(), d.licences().mining().number(),
                receipt.status().name(), receivedAt, report.signingTime(),
                report.signer() == null ? null : SignerIdentity.displayName(report.signer()), amends,
                new String(declarationBytes, StandardCharsets.UTF_8),
                new String(ReceiptJson.toBytes(receipt), StandardCharsets.UTF_8), signed, rows, who);
        return new Prepared(null, receipt, signed, row, d, who);
    }

    /**
     * A store that failed on a constraint usually lost a race: to a copy of the same filing (then its receipt is the
     * answer) or to another first filing of the same quarter (then 409). Anything else is a storage problem (503),
     * answered at once when the database cannot be used at all (closed, unreachable, its disk failing).
     *
     * <p>The quarter's holder is read in one statement with its own digest and signed-content key, so a lost race is
     * told from a taken quarter by the row that won it, never by two looks a commit could fall between (C6). A key
     * whose winner is not visible yet (another instance's transaction still committing) is looked for again, for up
     * to {@link #RACE_WAIT_MILLIS}.
     */
    private Outcome afterFailedStore(String sha256, String key, Declaration d, StorageFailure failure,
                                     String who) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(
                failure.unavailable() ? 0 : RACE_WAIT_MILLIS); // unavailable: one look, in case only the answer was lost
        for (int attempt = 0; ; attempt++) {
            try {
                SubmissionRepository.Filings now = d.amends() != null ? SubmissionRepository.Filings.NONE
                        : repository.filings(d.licences().mining().number(), d.period());
                if (now.current() != null) {
                    Optional<Outcome> own = ownFiling(sha256, key, now);
                    if (own.isPresent()) {
                        return replayed(own.get(), who, sha256);
                    }
                    throw periodTaken(d, now.current()).exception();
                }
                Optional<Outcome> replay = replay(sha256, key);
                if (replay.isPresent()) {
                    return replayed(replay.get(), who, sha256);
                }
            } catch (StorageFailure stillUnavailable) {
                break;
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            try {
                Thread.sleep(Math.min(200, 20L << Math.min(attempt, 3)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.error("storing a submission failed: {}", failure.getMessage());
        throw Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "STORAGE_UNAVAILABLE",
                "the submission could not be stored; nothing was kept, try again").exception();
    }

    /** How long a store that lost a race on a key looks for the winner's row. */
    static final long RACE_WAIT_MILLIS = 5000;

    /**
     * With the quarter taken ({@code filings.current()} set): the receipt of this upload's own filing - the holder
     * itself when it is these bytes or this signed content, or else this filing stored and since amended - or empty
     * when another filing holds the quarter.
     */
    private Optional<Outcome> ownFiling(String sha256, String key, SubmissionRepository.Filings filings) {
        if (filings.currentIs(sha256, key)) {
            Optional<Outcome> holder = receipt(repository.findReceipt(filings.current()));
            if (holder.isPresent()) {
                return holder;
            }
        }
        return replay(sha256, key);
    }

    /** The client's packs when it named them and they differ from the server's; a malformed header is a 400. */
    private List<RulePackInfo> declaredPacks(String header) {
        if (header == null) {
            return null;
        }
        try {
            List<RulePackInfo> declared = RulePackHeader.parse(header, rules.packs());
            return RulePackHeader.differ(declared, rules.packs()) ? declared : null;
        } catch (IllegalArgumentException e) {
            throw Problem.of(HttpStatus.BAD_REQUEST, "RULE_PACKS_HEADER_INVALID", AuditLog.escape(e.getMessage()))
                    .exception();
        }
    }

    private Optional<Outcome> replay(String sha256) {
        return replay(sha256, null);
    }

    /** The receipt of the same filing: these package bytes, or the same signed content in other bytes. */
    private Optional<Outcome> replay(String sha256, String signedContentKey) {
        return receipt(repository.findReceiptOfSameFiling(sha256, signedContentKey));
    }

    private static Optional<Outcome> receipt(Optional<SubmissionRepository.StoredReceipt> stored) {
        return stored.map(r -> {
            try {
                return new Outcome(false, ReceiptJson.fromBytes(r.receiptJson().getBytes(StandardCharsets.UTF_8)),
                        r.receiptCms());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("stored receipt " + r.id() + " unreadable", e);
            }
        });
    }

    private static Problem periodTaken(Declaration d, String current) {
        return Problem.of(HttpStatus.CONFLICT, "PERIOD_ALREADY_FILED", "mining licence "
                + d.licences().mining().number() + " already has an accepted declaration for " + d.period()
                + " (receipt " + current + "); a correction must name it in \"amends\"");
    }

    static Problem packageProblem(VerificationReport report) {
        CheckResult failed = report.firstFailure().orElse(new CheckResult("package", false, "PACKAGE_INVALID",
                "PACKAGE_INVALID", "the package was not verified"));
        String category = failed.category() == null ? "PACKAGE_INVALID" : failed.category();
        HttpStatus status = "PACKAGE_INVALID".equals(category) || "JSON_LIMIT_EXCEEDED".equals(category)
                ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
        List<CheckResult> failures = report.checks().stream().filter(c -> !c.passed()).toList();
        return Problem.of(status, category, AuditLog.escape(failed.detail())).withChecks(failures);
    }

    private static List<Finding> errorsFirst(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings);
        out.sort((a, b) -> Boolean.compare(b.severity() == Severity.ERROR, a.severity() == Severity.ERROR));
        return out;
    }

    private String toJson(Finding f) {
        try {
            return json.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("finding not serializable", e);
        }
    }
}
