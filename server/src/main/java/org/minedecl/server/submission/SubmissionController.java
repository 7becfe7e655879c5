package org.minedecl.server.submission;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.InputStream;
import java.util.Base64;
import org.minedecl.server.access.AccessService;
import org.minedecl.server.access.Filing;
import org.minedecl.server.access.Principal;
import org.minedecl.server.auth.Authenticator;
import org.minedecl.server.problem.AuditLog;
import org.minedecl.server.problem.Problem;
import org.minedecl.server.problem.ProblemException;
import org.minedecl.shared.receipt.Receipt;
import org.minedecl.shared.rules.RulePackHeader;

/** {@code /api/v1/submissions}: upload a signed package, read submissions, their packages and receipts. */
@Controller("/api/v1/submissions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SubmissionController {
    /** The media type of a signed receipt (DER CMS SignedData). */
    public static final String PKCS7 = "application/pkcs7-mime";
    /** How much of a too-large body is read and dropped before the connection is closed. */
    static final long DRAIN_BYTES = 64L << 20;
    private final SubmissionService service;
    private final SubmissionQueries queries;
    private final UploadSpooler spooler;
    private final Authenticator authenticator;
    private final AccessService access;

    public SubmissionController(SubmissionService service, SubmissionQueries queries, UploadSpooler spooler,
                                Authenticator authenticator, AccessService access) {
        this.service = service;
        this.queries = queries;
        this.spooler = spooler;
        this.authenticator = authenticator;
        this.access = access;
    }

    /**
     * The answer to an upload and to {@code GET .../receipt}: the receipt as JSON, and the signed receipt (DER
     * CMS, base64) that {@code minedecl receipt verify} checks.
     */
    public record ReceiptResponse(Receipt receipt, String signedReceipt) {
        static ReceiptResponse of(Receipt receipt, byte[] signed) {
            return new ReceiptResponse(receipt, Base64.getEncoder().encodeToString(signed));
        }
    }

    @Post(consumes = {"application/vnd.etsi.asic-e+zip", MediaType.APPLICATION_OCTET_STREAM, MediaType.ALL})
    public HttpResponse<ReceiptResponse> upload(HttpRequest<?> request, @Nullable @Body InputStream body) {
        String remote = String.valueOf(request.getRemoteAddress());
        long declared = request.getContentLength();
        String clientPacks = request.getHeaders().get(RulePackHeader.NAME);
        try {
            if (declared > spooler.limit()) {
                throw spooler.tooLarge();
            }
            // no body at all is the spooler's "the request body is empty", refused and audit-logged like the others
            try (UploadSpooler.Spooled upload = spooler.spool(body == null ? InputStream.nullInputStream() : body)) {
                SubmissionService.Outcome outcome = service.submit(upload, remote, clientPacks);
                ReceiptResponse response = ReceiptResponse.of(outcome.receipt(), outcome.signedReceipt());
                return outcome.created() ? HttpResponse.created(response) : HttpResponse.ok(response);
            }
        } catch (ProblemException e) {
            AuditLog.refused(e.who() != null ? e.who() : AuditLog.unknownSigner(remote), e.problem().status(),
                    e.problem().code(), e.problem().detail());
            if (e.problem().status() == HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode()
                    && (declared < 0 || declared <= spooler.limit() + DRAIN_BYTES)) {
                // a plausible client a little over the limit: let it finish sending so it sees the 413; a
                // Content-Length far beyond (perhaps a lie) is answered at once and the connection closed
                if (body != null) {
                    drain(body);
                }
            }
            throw e;
        }
    }

    /**
     * Reads (and drops) up to {@link #DRAIN_BYTES} more of a refused body before the connection is closed, so
     * that a client still sending receives the 413 instead of a connection reset. Bounded in bytes, constant in
     * memory; an endless body is cut off after that.
     */
    private static void drain(InputStream body) {
        byte[] buf = new byte[64 * 1024];
        long left = DRAIN_BYTES;
        try (body) {
            int n;
            while (left > 0 && (n = body.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                left -= n;
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // the connection is closed after the answer anyway
        }
    }

    @Get("{?period,jurisdiction,status,ruleId,uscc,page,size}")
    public SubmissionQueries.Page list(HttpRequest<?> request, @Nullable @QueryValue String period,
                                       @Nullable @QueryValue String jurisdiction,
                                       @Nullable @QueryValue String status, @Nullable @QueryValue String ruleId,
                                       @Nullable @QueryValue String uscc, @Nullable @QueryValue Integer page,
                                       @Nullable @QueryValue Integer size) {
        Principal caller = authenticator.principal(request);
        return queries.list(new SubmissionQueries.Filter(period, jurisdiction, status, ruleId, uscc),
                access.scope(caller), page == null ? 0 : page, size == null ? 50 : size);
    }

    @Get("/{id}")
    public SubmissionQueries.SubmissionView get(HttpRequest<?> request, @PathVariable String id) {
        return readable(authenticator.principal(request), id);
    }

    /** The submission if the caller may read it; 404 alike when it does not exist or is out of scope. */
    private SubmissionQueries.SubmissionView readable(Principal caller, String id) {
        SubmissionQueries.SubmissionView s = queries.find(id).orElseThrow(() -> notFound(id));
        access.requireRead(caller, new Filing(s.uscc(), s.miningLicence(), s.jurisdiction()), notFound(id));
        return s;
    }

    @Get(value = "/{id}/package", produces = "application/vnd.etsi.asic-e+zip")
    public HttpResponse<StreamedFile> packageBytes(HttpRequest<?> request, @PathVariable String id) {
        SubmissionQueries.SubmissionView s = readable(authenticator.principal(request), id);
        StreamedFile file = new StreamedFile(queries.openPackage(id),
                MediaType.of("application/vnd.etsi.asic-e+zip"), 0L, s.packageSize());
        return HttpResponse.ok(file).header("Content-Disposition", "attachment; filename=\"" + id + ".asice\"");
    }

    @Get(value = "/{id}/receipt", produces = {MediaType.APPLICATION_JSON, PKCS7})
    public HttpResponse<?> receipt(HttpRequest<?> request, @PathVariable String id) {
        readable(authenticator.principal(request), id);
        SubmissionRepository.StoredReceipt r = queries.receipt(id).orElseThrow(() -> notFound(id));
        if (request.accept().stream().anyMatch(m -> PKCS7.equals(m.getName()))) {
            return HttpResponse.ok(r.receiptCms()).contentType(PKCS7);
        }
        return HttpResponse.ok(ReceiptResponse.of(queries.receiptOf(r), r.receiptCms()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static ProblemException notFound(String id) {
        return Problem.of(HttpStatus.NOT_FOUND, "SUBMISSION_NOT_FOUND", "no submission " + AuditLog.escape(id))
                .exception();
    }
}
