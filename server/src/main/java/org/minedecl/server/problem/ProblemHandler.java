package org.minedecl.server.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.minedecl.server.storage.StorageFailure;
import org.minedecl.server.util.Causes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP error handler. Our own {@link ProblemException}s become their problem; every other error
 * Micronaut answers (404 route, 405, 413, malformed requests, unexpected exceptions) is rendered here too, as a
 * problem with a code derived from the status. Unexpected exceptions are logged on one line, never returned.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
@Requires(classes = ErrorResponseProcessor.class)
public class ProblemHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>>,
        ErrorResponseProcessor<Problem> {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        return respond(exception.problem());
    }

    public static MutableHttpResponse<Problem> respond(Problem problem) {
        MutableHttpResponse<Problem> r = HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .body(problem).contentType(PROBLEM_JSON);
        if (problem.status() == HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode()) {
            // the rest of the body is not read: close the connection rather than wait for it
            r.header("Connection", "close");
        }
        return r;
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.status();
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ProblemException pe) {
            return respond(pe.problem());
        }
        if (cause instanceof ContentLengthExceededException) {
            status = HttpStatus.REQUEST_ENTITY_TOO_LARGE;
        }
        if (isStorageFailure(cause)) {
            // the database is down, closed (H2 closes itself when a write fails, e.g. on a full disk) or
            // unreachable: the client may try again later; nothing of the request was stored (SECURITY-TESTS D3)
            LOG.error("storage unavailable on {} {}: {}", context.getRequest().getMethod(),
                    AuditLog.escape(context.getRequest().getPath()), rootMessage(cause));
            return respond(Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "STORAGE_UNAVAILABLE",
                    "the server's storage is unavailable; nothing was kept, try again later"));
        }
        String detail = context.getErrors().isEmpty() ? status.getReason()
                : context.getErrors().get(0).getMessage();
        if (status.getCode() >= 500) {
            LOG.error("unexpected error on {} {}: {}", context.getRequest().getMethod(),
                    AuditLog.escape(context.getRequest().getPath()), cause == null ? detail : cause.toString());
            detail = "the server could not complete the request";
        }
        Problem problem = Problem.of(status, codeFor(status), AuditLog.escape(detail));
        MutableHttpResponse<Problem> response = base.status(status).body(problem);
        return response.contentType(PROBLEM_JSON);
    }

    /** A failure of the database (or of the storage under it), anywhere in the cause chain. */
    static boolean isStorageFailure(Throwable e) {
        return Causes.any(e, t -> t instanceof StorageFailure || t instanceof java.sql.SQLException);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = Causes.root(e);
        return root == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + root;
    }

    static String codeFor(HttpStatus status) {
        switch (status) {
            case NOT_FOUND: return "NOT_FOUND";
            case METHOD_NOT_ALLOWED: return "METHOD_NOT_ALLOWED";
            case REQUEST_ENTITY_TOO_LARGE: return "PAYLOAD_TOO_LARGE";
            case UNSUPPORTED_MEDIA_TYPE: return "UNSUPPORTED_MEDIA_TYPE";
            case NOT_ACCEPTABLE: return "NOT_ACCEPTABLE";
            case FORBIDDEN: return "FORBIDDEN";
            case UNAUTHORIZED: return "UNAUTHORIZED";
            case REQUEST_TIMEOUT: return "REQUEST_TIMEOUT";
            case BAD_REQUEST: return "BAD_REQUEST";
            case SERVICE_UNAVAILABLE: return "SERVICE_UNAVAILABLE";
            default: return status.getCode() >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status.getCode();
        }
    }
}
