package org.minedecl.server.auth;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.minedecl.server.support.Logins;
import org.minedecl.server.support.TestData;
import org.minedecl.shared.bench.BenchmarkReport;
import org.minedecl.shared.testpki.TestPki;
import org.minedecl.shared.trust.CertificateValidator;
import org.minedecl.shared.trust.TrustPolicy;

/**
 * Issue 13's login target: a certificate login (POST /auth/challenge, then POST /auth/token with a CMS signature
 * over the nonce, over HTTP to the server on loopback) within 2x of one certificate-path check (with its CRLs)
 * plus one signature verification - the two checks a login cannot do without. Both are timed alternately in one
 * run with the same EC certificate and trust directory; the client's signing of the nonce is not part of either.
 * Writes the "login" section of docs/benchmarks.md. {@code ./mvnw -B -q -pl server -am -Pbench-login -DskipTests
 * verify}.
 */
public final class LoginBenchmark {
    private static final int WARMUP = Integer.getInteger("minedecl.bench.warmup", 300);
    private static final int RUNS = Integer.getInteger("minedecl.bench.runs", 1000);

    private LoginBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TestData data = TestData.create("minedecl-login-bench");
        TestPki.Leaf leaf = data.packages().leaf();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of("minedecl.data-dir",
                data.dataDir().toString(), "micronaut.server.port", "-1"))) {
            // one HTTP/1.1 connection kept alive, as a client that logs in would use
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            java.net.URI base = server.getURI();
            CertificateValidator validator = new CertificateValidator(new TrustPolicy(
                    java.util.List.of(data.packages().pki().root().cert()),
                    data.packages().pki().freshCrls(Instant.now())));
            LoginService service = server.getApplicationContext().getBean(LoginService.class);
            long[] login = new long[RUNS];
            long[] challenges = new long[RUNS];
            long[] inProcess = new long[RUNS];
            long[] inProcessChallenges = new long[RUNS];
            long[] checks = new long[RUNS];
            for (int i = -WARMUP; i < RUNS; i++) {
                // the baseline: what any login must do with the signature it gets
                String n = "benchmark-nonce-" + i;
                byte[] cms = Logins.cms(n.getBytes(StandardCharsets.UTF_8), leaf, true);
                long t0 = System.nanoTime();
                LoginSignature.Checked sig = LoginSignature.check(cms, n.getBytes(StandardCharsets.UTF_8));
                Instant now = Instant.now();
                CertificateValidator.Validation v = validator.validate(sig.signer(), sig.bag(), now, now);
                long t1 = System.nanoTime();
                if (sig.problem() != null || !v.valid()) {
                    throw new IllegalStateException("baseline failed: " + sig.problem() + " " + v.failure());
                }
                // the login: two requests; the client signs the nonce in between (not timed)
                long t2 = System.nanoTime();
                String nonce = post(http, base, "/api/v1/auth/challenge", "").path("nonce").asText();
                long t3 = System.nanoTime();
                byte[] signature = Logins.cms(nonce.getBytes(StandardCharsets.UTF_8), leaf, true);
                long t4 = System.nanoTime();
                com.fasterxml.jackson.databind.JsonNode token = post(http, base, "/api/v1/auth/token", "{\"nonce\":\""
                        + nonce + "\",\"signature\":\"" + java.util.Base64.getEncoder().encodeToString(signature) + "\"}");
                long t5 = System.nanoTime();
                if (!token.has("access_token")) {
                    throw new IllegalStateException("login refused: " + token);
                }
                // the same login without HTTP: the service's two calls
                long t6 = System.nanoTime();
                String inner = service.challenge().nonce();
                long t7 = System.nanoTime();
                String innerSignature = java.util.Base64.getEncoder().encodeToString(
                        Logins.cms(inner.getBytes(StandardCharsets.UTF_8), leaf, true));
                long t8 = System.nanoTime();
                service.login(inner, innerSignature);
                long t9 = System.nanoTime();
                if (i >= 0) {
                    checks[i] = t1 - t0;
                    login[i] = (t3 - t2) + (t5 - t4);
                    challenges[i] = t3 - t2;
                    inProcess[i] = (t7 - t6) + (t9 - t8);
                    inProcessChallenges[i] = t7 - t6;
                }
            }
            double loginMs = median(login) / 1e6;
            double checkMs = median(checks) / 1e6;
            double ratio = loginMs / checkMs;
            double challengeMs = median(challenges) / 1e6;
            double inProcessMs = median(inProcess) / 1e6;
            double inProcessChallengeMs = median(inProcessChallenges) / 1e6;
            BenchmarkReport.writeSection("login", "Certificate login (challenge + token)", String.format("""
                    %d logins of one EC P-256 certificate (test PKI: root, issuing CA, CRLs of both) over HTTP on
                    loopback to the server (H2), each timed as POST /api/v1/auth/challenge plus POST
                    /api/v1/auth/token (the client's signing of the nonce in between is not counted), alternated
                    with the baseline: one certificate-path check with revocation (`CertificateValidator`) plus one
                    signature verification (`LoginSignature.check`: the CMS parsed, the signature over the nonce
                    verified) of the same certificate, after %d rounds of warm-up.

                    | measure | median |
                    |---|---:|
                    | login: challenge + token, over HTTP | %.3f ms |
                    | baseline: one path check + one signature verification | %.3f ms |
                    | of which the challenge request | %.3f ms |
                    | login without HTTP (`LoginService.challenge` + `login`) | %.3f ms |
                    | of which `LoginService.challenge` (a random nonce stored in the database) | %.3f ms |
                    | **ratio login / baseline** | **%.2fx** |
                    | target | <= 2x: %s |

                    What the login adds to the baseline: two HTTP exchanges, the nonce written and then consumed in
                    the database, the principal's roles (delegations, regulator registry, administrators) and a
                    signed JWT.
                    """, RUNS, WARMUP, loginMs, checkMs, challengeMs, inProcessMs, inProcessChallengeMs, ratio, ratio <= 2.0 ? "met" : "NOT met"));
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode post(java.net.http.HttpClient http, java.net.URI base,
            String path, String json) throws Exception {
        java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }
}
