package org.minedecl.server.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;
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
    /** Words of a framework message that name code rather than the request: kept out of answers. */
    private static final Pattern INTERNAL = Pattern.compile(
            "\\b(java|javax|jakarta|io\\.micronaut|io\\.netty|com\\.fasterxml|org\\.[a-z]+)\\.[a-zA-Z]"
                    + "|Exception|No enum constant|\\bat [a-z]+\\.");

    private final String retryAfter;

    /** @param retryAfter {@code minedecl.limits.retry-after} (read here by name: config depends on problem) */
    public ProblemHandler(@Value("${minedecl.limits.retry-after:5s}") java.time.Duration retryAfter) {
        this.retryAfter = String.valueOf(Math.max(1, retryAfter.toSeconds()));
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        return respond(exception.problem());
    }

    public MutableHttpResponse<Problem> respond(Problem problem) {
        MutableHttpResponse<Problem> r = HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .body(problem).contentType(PROBLEM_JSON);
        if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
            r.header("Retry-After", retryAfter);
        }
        if (problem.status() == HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode()
                || problem.status() == HttpStatus.REQUEST_URI_TOO_LONG.getCode()
                || problem.status() == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.getCode()
                || problem.status() == HttpStatus.REQUEST_TIMEOUT.getCode()
                || "SERVER_BUSY".equals(problem.code())) {
            // the rest of the request is not read: close the connection rather than wait for it
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
        Problem tooLong = tooLongRequestHead(context.getRequest());
        if (tooLong != null) {
            return respond(tooLong);
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
        String code = codeFor(status);
        if (cause instanceof ConversionErrorException c) {
            code = "PARAMETER_INVALID";
            detail = "the value of '" + c.getArgument().getName() + "' is not valid";
        } else if (cause instanceof UnsatisfiedRouteException u) {
            code = "PARAMETER_MISSING";
            detail = "'" + u.getArgument().getName() + "' is required";
        } else if (detail == null || INTERNAL.matcher(detail).find()) {
            // the framework's message names classes (a parser's, an enum's): the client gets the status's words
            detail = status.getReason();
        }
        if (status.getCode() >= 500) {
            LOG.error("unexpected error on {} {}: {}", context.getRequest().getMethod(),
                    AuditLog.escape(context.getRequest().getPath()), cause == null ? detail : cause.toString());
            detail = "the server could not complete the request";
        }
        Problem problem = Problem.of(status, code, AuditLog.escape(detail));
        MutableHttpResponse<Problem> response = base.status(status).body(problem);
        return response.contentType(PROBLEM_JSON);
    }

    /**
     * The problem for a request line or header block over Netty's limit ({@code micronaut.server.netty.
     * max-initial-line-length}, {@code max-header-size}): 414 and 431, not the 413 Micronaut answers for both.
     */
    static Problem tooLongRequestHead(HttpRequest<?> request) {
        if (!(request instanceof NettyHttpRequest<?> netty)) {
            return null;
        }
        DecoderResult result = netty.getNativeRequest().decoderResult();
        if (result == null || !result.isFailure()) {
            return null;
        }
        if (result.cause() instanceof TooLongHttpLineException) {
            return Problem.of(HttpStatus.REQUEST_URI_TOO_LONG, "URI_TOO_LONG",
                    "the request line is longer than the server accepts");
        }
        if (result.cause() instanceof TooLongHttpHeaderException) {
            return Problem.of(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "HEADERS_TOO_LARGE",
                    "the request headers are larger than the server accepts");
        }
        return null;
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
            case REQUEST_URI_TOO_LONG: return "URI_TOO_LONG";
            case REQUEST_HEADER_FIELDS_TOO_LARGE: return "HEADERS_TOO_LARGE";
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
