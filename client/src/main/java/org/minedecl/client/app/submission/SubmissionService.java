package org.minedecl.client.app.submission;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.minedecl.client.app.Cancellation;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.ProgressListener;
import org.minedecl.client.app.support.ClientErrors;
import org.minedecl.shared.receipt.Receipt;
import org.minedecl.shared.receipt.ReceiptJson;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.LocalizedText;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.rules.RulePackHeader;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;

/**
 * Uploads a signed package to the server ({@code POST /api/v1/submissions}) and says how it ended
 * ({@link SubmissionResult}). The package is streamed in 64 KiB pieces with progress ({@code uploading}); a server
 * that is unavailable (502, 503, 504) or unreachable is tried again {@code retries} times with waits of 2, 4, 8 ...
 * seconds (at most 30) or the server's {@code Retry-After}: an upload is idempotent, the identical package again
 * gets its first receipt (200), so trying again never files twice. A {@link Cancellation} stops the upload between
 * pieces and the waits between tries.
 */
public final class SubmissionService {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final int PIECE = 64 * 1024;

    private final URI server;
    private final Duration readTimeout;
    private final int retries;
    private final LongConsumer sleeper;

    /**
     * @param server      base URL, e.g. {@code http://localhost:8080}
     * @param readTimeout how long to wait for the server's answer
     * @param retries     times to try again while the server is unavailable (0 = once only)
     * @param sleeper     waits the given milliseconds between tries (tests record instead); null for the real wait
     */
    public SubmissionService(URI server, Duration readTimeout, int retries, LongConsumer sleeper) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more");
        }
        this.server = server;
        this.readTimeout = readTimeout;
        this.retries = retries;
        this.sleeper = sleeper;
    }

    /** Defaults of the CLI: 300 s read timeout, 3 retries, real waits. */
    public static SubmissionService to(URI server) {
        return new SubmissionService(server, Duration.ofSeconds(300), 3, null);
    }

    public URI server() {
        return server;
    }

    /**
     * The server's receipt-signing certificate ({@code GET /api/v1/server-certificate}, PEM), to verify receipts
     * with ({@link org.minedecl.client.app.receipts.ReceiptStore#verify}). Fetched over the same connection as the
     * uploads, so it proves no more than that connection does: a desktop keeps the first one it sees (or one its
     * administrator installed) and warns when the server later shows another.
     */
    public X509Certificate serverCertificate() throws IOException {
        DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
        config.setReadTimeout(Duration.ofSeconds(30));
        try (HttpClient client = HttpClient.create(new URL(server.toString()), config)) {
            String pem = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/server-certificate"), String.class);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | RuntimeException e) {
            throw new IOException("cannot get the server certificate from " + server + ": " + ClientErrors.oneLine(e),
                    e);
        }
    }

    /** The server or the way to it is unavailable for now; trying again may succeed. */
    private static final class TryAgain extends Exception {
        final SubmissionResult.Unavailable result;
        final long retryAfterMillis;

        TryAgain(SubmissionResult.Unavailable result, long retryAfterMillis) {
            super(result.detail(), null, false, false);
            this.result = result;
            this.retryAfterMillis = retryAfterMillis;
        }
    }

    /**
     * Uploads {@code pkg}, trying again while the server is unavailable.
     *
     * @param listener progress ({@code uploading}, bytes) and the retries' waits
     * @param cancel   stops the upload and the waits; then the result is {@link SubmissionResult.Cancelled}
     */
    public SubmissionResult submit(Path pkg, ProgressListener listener, Cancellation cancel) throws IOException {
        ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
        Cancellation c = cancel == null ? Cancellation.NEVER : cancel;
        long size = Files.size(pkg);
        for (int attempt = 1; ; attempt++) {
            if (c.isCancelled()) {
                return new SubmissionResult.Cancelled();
            }
            try {
                return upload(pkg, size, progress, c, attempt);
            } catch (TryAgain e) {
                if (c.isCancelled()) {
                    return new SubmissionResult.Cancelled();
                }
                if (attempt > retries) {
                    return e.result;
                }
                long wait = e.retryAfterMillis > 0 ? e.retryAfterMillis
                        : Math.min(30_000L, 2_000L << Math.min(attempt - 1, 4));
                progress.retrying(attempt + 1, retries + 1, wait,
                        new LocalizedText(e.result.message(Language.ZH), e.result.message(Language.EN)));
                if (!sleep(wait, c)) {
                    return new SubmissionResult.Cancelled();
                }
            }
        }
    }

    /** Waits, in short steps so that a cancel is seen; false when cancelled. */
    private boolean sleep(long millis, Cancellation c) {
        if (sleeper != null) {
            sleeper.accept(millis);
            return !c.isCancelled();
        }
        long end = System.nanoTime() + millis * 1_000_000;
        while (!c.isCancelled()) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return true;
            }
            try {
                Thread.sleep(Math.min(left, 100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private SubmissionResult upload(Path pkg, long size, ProgressListener progress, Cancellation cancel,
            int attempt) throws TryAgain {
        DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
        config.setReadTimeout(readTimeout);
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.create(new URL(server.toString()), config)) {
            HttpRequest<?> request = HttpRequest.POST("/api/v1/submissions", body(pkg, size, progress, cancel))
                    .contentType("application/vnd.etsi.asic-e+zip").contentLength(size)
                    .header(RulePackHeader.NAME, RulePackHeader.format(RuleEngine.standard().packs()));
            response = client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            int status = e.getStatus().getCode();
            JsonNode problem = problem(e);
            String code = problem.path("code").asText("HTTP_" + status);
            String detail = problem.path("detail").asText(e.getMessage());
            if (status == 502 || status == 503 || status == 504) {
                throw new TryAgain(new SubmissionResult.Unavailable(server.toString(), status, code, detail, attempt),
                        retryAfter(e));
            }
            return new SubmissionResult.Refused(status, code, detail, findings(problem.path("findings")));
        } catch (IOException | RuntimeException e) {
            if (cancel.isCancelled()) {
                return new SubmissionResult.Cancelled();
            }
            throw new TryAgain(new SubmissionResult.Unavailable(server.toString(), 0, null, ClientErrors.oneLine(e),
                    attempt), 0);
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            Receipt receipt = ReceiptJson.fromBytes(JSON.writeValueAsBytes(answer.path("receipt")));
            byte[] signed = Base64.getDecoder().decode(answer.path("signedReceipt").asText());
            return new SubmissionResult.Accepted(receipt, signed, response.code() == 200);
        } catch (IOException | RuntimeException e) {
            throw new TryAgain(new SubmissionResult.Unavailable(server.toString(), response.code(), "ANSWER_UNREADABLE",
                    "the server's answer could not be read: " + ClientErrors.oneLine(e), attempt), 0);
        }
    }

    /** The findings of a problem, read leniently (a server of another version may send more fields). */
    private static List<Finding> findings(JsonNode list) {
        List<Finding> out = new ArrayList<>();
        for (JsonNode f : list) {
            try {
                out.add(JSON.treeToValue(f, Finding.class));
            } catch (IOException | RuntimeException unreadable) {
                // a finding this client cannot read is left out; the server's receipt and log keep it
            }
        }
        return out;
    }

    /** A Retry-After of whole seconds (at most 5 minutes), in milliseconds; 0 when there is none. */
    private static long retryAfter(HttpClientResponseException e) {
        try {
            String v = e.getResponse().getHeaders().get("Retry-After");
            return v == null ? 0 : Math.min(300, Math.max(0, Long.parseLong(v.strip()))) * 1000;
        } catch (RuntimeException notSeconds) {
            return 0;
        }
    }

    private static JsonNode problem(HttpClientResponseException e) {
        try {
            return JSON.readTree(e.getResponse().getBody(String.class).orElse("{}"));
        } catch (IOException | RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    /** The package in 64 KiB pieces as the HTTP client asks for them, reporting the bytes sent. */
    private static Publisher<byte[]> body(Path file, long size, ProgressListener progress, Cancellation cancel) {
        return subscriber -> subscriber.onSubscribe(new Subscription() {
            private final AtomicLong demand = new AtomicLong();
            private final AtomicBoolean draining = new AtomicBoolean();
            private InputStream in;
            private long sent;
            private volatile boolean done;

            @Override
            public void request(long n) {
                if (n <= 0 || done) {
                    return;
                }
                demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
                // trampoline: a request made from inside onNext only raises the demand
                while (!done && draining.compareAndSet(false, true)) {
                    try {
                        while (!done && demand.get() > 0) {
                            if (cancel.isCancelled()) {
                                finish();
                                subscriber.onError(new CancellationException("cancelled by the user"));
                                break;
                            }
                            if (in == null) {
                                in = Files.newInputStream(file);
                                progress.progress(ProgressListener.UPLOADING, 0, size);
                            }
                            byte[] chunk = in.readNBytes(PIECE);
                            if (chunk.length == 0) {
                                finish();
                                subscriber.onComplete();
                                break;
                            }
                            demand.decrementAndGet();
                            sent += chunk.length;
                            progress.progress(ProgressListener.UPLOADING, sent, size);
                            subscriber.onNext(chunk);
                        }
                    } catch (IOException e) {
                        finish();
                        subscriber.onError(e);
                    } finally {
                        draining.set(false);
                    }
                    if (demand.get() == 0) {
                        break;
                    }
                }
            }

            @Override
            public void cancel() {
                finish();
            }

            private void finish() {
                done = true;
                if (in != null) {
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // read-only file
                    }
                }
            }
        });
    }
}
