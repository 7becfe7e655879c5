package org.minedecl.client.app.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.minedecl.shared.signature.CadesSigner;
import org.minedecl.shared.signature.SignatureAlgorithm;
import org.minedecl.shared.signature.SignerException;
import org.minedecl.shared.signature.SigningCredential;

/**
 * A session with one server: {@link #login} signs the server's challenge with the credential's key and keeps the
 * access token; requests then carry it. Failures are {@link SessionException}s with one readable line.
 */
public final class ServerSession {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final URI server;
    private final String token;
    private final JsonNode principal;

    private ServerSession(HttpClient http, URI server, String token, JsonNode principal) {
        this.http = http;
        this.server = server;
        this.token = token;
        this.principal = principal;
    }

    /** A failed login or request: the server's code (when it answered) and one readable line. */
    public static final class SessionException extends Exception {
        private final int status;
        private final String code;

        public SessionException(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        /** HTTP status, 0 when the server could not be reached. */
        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /** One answer. */
    public record Answer(int status, JsonNode json) {
    }

    /** Logs in: challenge, a CAdES signature over the nonce (with the signing time from {@code clock}), token. */
    public static ServerSession login(URI server, SigningCredential credential, Clock clock) throws SessionException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        JsonNode challenge = expect(send(http, server, null, "POST", "/api/v1/auth/challenge", "{}"), 200, "challenge");
        String nonce = challenge.path("nonce").asText();
        byte[] cms;
        try {
            cms = CadesSigner.sign(nonce.getBytes(StandardCharsets.UTF_8), credential,
                    SignatureAlgorithm.forKey(credential.certificate().getPublicKey(), false), clock.instant());
        } catch (SignerException e) {
            throw new SessionException(0, null, "cannot sign the login challenge: " + e.getMessage());
        }
        ObjectNode body = JSON.createObjectNode().put("nonce", nonce)
                .put("signature", Base64.getEncoder().encodeToString(cms));
        Answer a = send(http, server, null, "POST", "/api/v1/auth/token", body.toString());
        JsonNode t = expect(a, 200, "login");
        return new ServerSession(http, server, t.path("access_token").asText(), t.path("principal"));
    }

    /** The principal the server sees: {@code uscc}, {@code roles}, {@code jurisdictions}. */
    public JsonNode principal() {
        return principal;
    }

    public Answer get(String path) throws SessionException {
        return send(http, server, token, "GET", path, null);
    }

    public Answer postJson(String path, String json) throws SessionException {
        return send(http, server, token, "POST", path, json);
    }

    public Answer postBytes(String path, String contentType, byte[] body) throws SessionException {
        try {
            HttpRequest r = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return answer(http.send(r, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw unreachable(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionException(0, null, "interrupted");
        }
    }

    public Answer delete(String path) throws SessionException {
        return send(http, server, token, "DELETE", path, null);
    }

    /** The answer's JSON when it has {@code status}; otherwise a SessionException naming {@code what}. */
    public static JsonNode expect(Answer a, int status, String what) throws SessionException {
        if (a.status() == status) {
            return a.json();
        }
        String code = a.json().path("code").asText(null);
        String detail = a.json().path("detail").asText("");
        throw new SessionException(a.status(), code, what + " refused: " + a.status()
                + (code == null ? "" : " " + code) + (detail.isEmpty() ? "" : " - " + detail));
    }

    private static Answer send(HttpClient http, URI server, String token, String method, String path, String json)
            throws SessionException {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return answer(http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw unreachable(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionException(0, null, "interrupted");
        }
    }

    private static Answer answer(HttpResponse<byte[]> r) {
        JsonNode json;
        try {
            json = r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            json = JSON.createObjectNode();
        }
        return new Answer(r.statusCode(), json == null ? JSON.createObjectNode() : json);
    }

    private static SessionException unreachable(URI server, IOException e) {
        return new SessionException(0, null, "server " + server + " unreachable: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

}
