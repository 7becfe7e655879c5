package org.minedecl.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** A small HTTP client for the API tests: answers carry status, content type and body, never exceptions. */
public final class Api {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String bearer;

    public Api(URI base) {
        this(base, null);
    }

    private Api(URI base, String bearer) {
        this.base = base;
        this.bearer = bearer;
    }

    /** The same server, every request with {@code Authorization: Bearer token}. */
    public Api withToken(String token) {
        return new Api(base, token);
    }

    /** Logs in with {@code leaf}'s certificate (challenge, CMS signature, token) and sends its token from then on. */
    public Api loggedInAs(org.minedecl.shared.testpki.TestPki.Leaf leaf) {
        return withToken(Logins.token(this, leaf));
    }

    public URI base() {
        return base;
    }

    /** POST with a JSON body. */
    public Answer postJson(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POST with a binary body. */
    public Answer postBytes(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    /** One answer. */
    public record Answer(int status, String contentType, byte[] body) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + new String(body), e);
            }
        }

        public String code() {
            return json().path("code").asText();
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public Answer upload(byte[] pkg) {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/submissions"))
                .header("Content-Type", "application/vnd.etsi.asic-e+zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pkg)));
    }

    /** An upload with one more request header. */
    public Answer upload(byte[] pkg, String header, String value) {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/submissions"))
                .header("Content-Type", "application/vnd.etsi.asic-e+zip").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofByteArray(pkg)));
    }

    /** An upload without Content-Length (chunked transfer encoding). */
    public Answer uploadChunked(Supplier<InputStream> body) {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/submissions"))
                .header("Content-Type", "application/vnd.etsi.asic-e+zip")
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)));
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Answer get(String path, String accept) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET());
    }

    private Answer send(HttpRequest.Builder b) {
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
