package org.minedecl.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.rules.RulePackHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;

/**
 * {@code minedecl submit PKG.asice --server URL}: uploads a signed package, shows progress on stderr, prints the
 * receipt id on stdout and stores the signed receipt (DER CMS) beside the package as {@code PKG.asice.receipt}.
 *
 * <p>Exit codes: 0 accepted (also when the server already had the identical package); 1 the server refused the
 * declaration (422 DECLARATION_INVALID with findings, 409 PERIOD_ALREADY_FILED or an amendment conflict);
 * 3 the server refused the package or its signature (400, 413, 422 SIGNATURE_INVALID, CERT_*, SIGNER_MISMATCH,
 * ALG_NOT_ALLOWED); 4 server or network error. A server that is unavailable (502, 503, 504) or unreachable is tried
 * again {@code --retries} times first, with growing waits: an upload is idempotent (the identical package again
 * gets its first receipt).
 */
@Command(name = "submit", description = "upload a signed package to the server and store its receipt")
public class SubmitCommand implements Callable<Integer> {
    private static final Set<String> PACKAGE_CODES = Set.of("PACKAGE_INVALID", "SIGNATURE_INVALID", "CERT_UNTRUSTED",
            "CERT_REVOKED", "CERT_EXPIRED", "SIGNER_MISMATCH", "ALG_NOT_ALLOWED", "PAYLOAD_TOO_LARGE");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "PKG.asice", description = "the signed package")
    Path pkg;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "server base URL, e.g. http://localhost:8080")
    URI server;

    @Option(names = "--receipt", paramLabel = "FILE", description = "where to store the receipt (default: PKG.asice.receipt)")
    Path receiptFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300", description = "read timeout (default 300)")
    int timeoutSeconds;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3", description = "times to try again when the "
            + "server is unavailable (502, 503, 504) or cannot be reached, waiting 2, 4, 8 ... s (default 3); "
            + "safe: the server answers the identical package again with its first receipt")
    int retries;

    PrintStream out = System.out;
    PrintStream err = System.err;
    /** Waits between tries (tests replace it). */
    java.util.function.LongConsumer sleeper = millis -> {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    /** The server or the way to it is unavailable for now; trying again may succeed. */
    private static final class Unavailable extends Exception {
        final int exitCode;
        final long retryAfterMillis;

        Unavailable(String message, int exitCode, long retryAfterMillis) {
            super(message, null, false, false);
            this.exitCode = exitCode;
            this.retryAfterMillis = retryAfterMillis;
        }
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(pkg)) {
            err.println("minedecl submit: no such file: " + pkg);
            return ExitCodes.USAGE;
        }
        if (retries < 0) {
            err.println("minedecl submit: --retries must be 0 or more");
            return ExitCodes.USAGE;
        }
        Path target = receiptFile != null ? receiptFile : pkg.resolveSibling(pkg.getFileName() + ".receipt");
        for (int attempt = 1; ; attempt++) {
            try {
                return upload(target);
            } catch (Unavailable e) {
                err.println();
                if (attempt > retries) {
                    err.println("minedecl submit: " + e.getMessage());
                    return e.exitCode;
                }
                long wait = e.retryAfterMillis > 0 ? e.retryAfterMillis
                        : Math.min(30_000L, 2_000L << Math.min(attempt - 1, 4));
                err.println("minedecl submit: " + e.getMessage() + "; trying again in "
                        + (wait + 999) / 1000 + " s (try " + (attempt + 1) + " of " + (retries + 1) + ")");
                sleeper.accept(wait);
            }
        }
    }

    /** One upload: the exit code of an answer, or {@link Unavailable} when trying again may help. */
    private int upload(Path target) throws Unavailable {
        DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
        config.setReadTimeout(Duration.ofSeconds(timeoutSeconds));
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.create(new URL(server.toString()), config)) {
            long size = Files.size(pkg);
            HttpRequest<?> request = HttpRequest.POST("/api/v1/submissions", body(pkg, size))
                    .contentType("application/vnd.etsi.asic-e+zip").contentLength(size)
                    .header(RulePackHeader.NAME, RulePackHeader.format(RuleEngine.standard().packs()));
            response = client.toBlocking().exchange(request, String.class);
            err.println();
        } catch (HttpClientResponseException e) {
            int status = e.getStatus().getCode();
            if (status == 502 || status == 503 || status == 504) {
                JsonNode problem = problem(e);
                throw new Unavailable("the server is unavailable (" + status + " "
                        + problem.path("code").asText("HTTP_" + status) + ": "
                        + problem.path("detail").asText(e.getMessage()) + ")", ExitCodes.SERVER, retryAfter(e));
            }
            err.println();
            return refused(e);
        } catch (IOException | RuntimeException e) {
            throw new Unavailable("cannot reach " + server + ": " + oneLine(e), ExitCodes.SERVER, 0);
        }
        return accepted(response, target);
    }

    /** Stores the receipt of an accepted upload and says so. */
    private int accepted(HttpResponse<String> response, Path target) {
        String receiptId = "?";
        try {
            JsonNode answer = JSON.readTree(response.body());
            JsonNode receipt = answer.path("receipt");
            receiptId = receipt.path("receiptId").asText();
            byte[] signed = Base64.getDecoder().decode(answer.path("signedReceipt").asText());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.write(tmp, signed);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.println(receiptId);
            err.println((response.code() == 200 ? "already filed; original receipt " : "receipt ")
                    + receiptId + " (" + receipt.path("status").asText() + ") stored in " + target);
            if (receipt.has("declaredRulePacks")) {
                err.println("note: the server checked with other rule pack versions than this client ("
                        + packs(receipt.path("rulePacks")) + " there, " + packs(receipt.path("declaredRulePacks"))
                        + " here); its findings in the receipt are the ones that count. Update minedecl.");
            }
            return ExitCodes.OK;
        } catch (IOException | RuntimeException e) {
            err.println("minedecl submit: the server accepted the package (receipt " + receiptId + ") but its "
                    + "receipt could not be stored in " + target + ": " + oneLine(e) + "; submit it again to get "
                    + "the receipt (the server answers with the same one)");
            return ExitCodes.SERVER;
        }
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

    private static String packs(JsonNode list) {
        java.util.List<String> out = new java.util.ArrayList<>();
        list.forEach(p -> out.add(p.path("id").asText() + "@" + p.path("version").asText()));
        return String.join(", ", out);
    }

    private static JsonNode problem(HttpClientResponseException e) {
        try {
            return JSON.readTree(e.getResponse().getBody(String.class).orElse("{}"));
        } catch (IOException | RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    private int refused(HttpClientResponseException e) {
        JsonNode problem = problem(e);
        String code = problem.path("code").asText("HTTP_" + e.getStatus().getCode());
        String detail = problem.path("detail").asText(e.getMessage());
        err.println("minedecl submit: refused by the server (" + e.getStatus().getCode() + " " + code + "): " + detail);
        for (JsonNode f : problem.path("findings")) {
            err.println("  " + f.path("severity").asText() + " " + f.path("ruleId").asText() + " "
                    + f.path("path").asText() + ": " + f.path("message").path("zh").asText());
        }
        int status = e.getStatus().getCode();
        if (PACKAGE_CODES.contains(code) || status == 413) {
            return ExitCodes.PACKAGE_INVALID;
        }
        if ("DECLARATION_INVALID".equals(code) || status == 409 || code.startsWith("AMENDS_")) {
            return ExitCodes.DECLARATION_ERRORS;
        }
        return ExitCodes.SERVER;
    }

    /** The package in 64 KiB pieces as the client asks for them, with the share sent so far on stderr. */
    private Publisher<byte[]> body(Path file, long size) {
        return subscriber -> subscriber.onSubscribe(new Subscription() {
            private final AtomicLong demand = new AtomicLong();
            private final AtomicBoolean draining = new AtomicBoolean();
            private InputStream in;
            private long sent;
            private long shown = -1;
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
                            if (in == null) {
                                in = Files.newInputStream(file);
                            }
                            byte[] chunk = in.readNBytes(64 * 1024);
                            if (chunk.length == 0) {
                                finish();
                                subscriber.onComplete();
                                break;
                            }
                            demand.decrementAndGet();
                            sent += chunk.length;
                            long pct = size == 0 ? 100 : sent * 100 / size;
                            if (pct != shown) {
                                shown = pct;
                                err.print("\ruploading " + file.getFileName() + ": " + pct + "% of " + size + " bytes");
                            }
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

    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("[\\r\\n]+", " ");
    }
}
