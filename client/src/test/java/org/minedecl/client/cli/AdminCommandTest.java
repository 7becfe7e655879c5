package org.minedecl.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.shared.signature.Providers;
import org.minedecl.shared.testpki.TestPki;

/**
 * {@code minedecl admin regulator add|list|remove} against a stand-in server that checks the login signature over
 * its nonce (BouncyCastle) before it hands out a token, and the token on every registry request.
 */
class AdminCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NONCE = "bm9uY2Utb2YtdGhlLXN0YW5kLWluLXNlcnZlcg";
    private static final String TOKEN = "stand-in-token";
    @TempDir
    Path dir;
    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final TestPki pki = TestPki.get(TestPki.KeyAlg.EC);

    private String serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/auth/challenge", ex -> reply(ex, 200, "{\"nonce\":\"" + NONCE
                + "\",\"expiresAt\":\"2026-12-02T05:00:00Z\"}"));
        server.createContext("/api/v1/auth/token", ex -> {
            JsonNode body = JSON.readTree(ex.getRequestBody());
            boolean ok = body.path("nonce").asText().equals(NONCE) && signedNonce(body.path("signature").asText());
            reply(ex, ok ? 200 : 401, ok ? "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":3600,\"principal\":{\"roles\":[\"ADMINISTRATOR\"],\"jurisdictions\":[]}}"
                    : "{\"code\":\"AUTH_FAILED\",\"detail\":\"login failed\"}");
        });
        server.createContext("/api/v1/admin/regulators", ex -> {
            if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                reply(ex, 401, "{\"code\":\"UNAUTHENTICATED\"}");
                return;
            }
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + body);
            switch (ex.getRequestMethod()) {
                case "POST" -> reply(ex, 201, "{\"id\":\"reg-1\"}");
                case "GET" -> reply(ex, 200, "{\"regulators\":[{\"id\":\"reg-1\",\"name\":\"泽州县自然资源局\","
                        + "\"subject\":\"CN=county\",\"jurisdictions\":[\"140525\"]}]}");
                default -> {
                    ex.sendResponseHeaders(ex.getRequestURI().getPath().endsWith("/reg-1") ? 204 : 404, -1);
                    ex.close();
                }
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static boolean signedNonce(String b64) {
        try {
            CMSSignedData sd = new CMSSignedData(new CMSProcessableByteArray(NONCE.getBytes(StandardCharsets.UTF_8)),
                    Base64.getDecoder().decode(b64));
            SignerInformation si = sd.getSignerInfos().getSigners().iterator().next();
            var holder = (org.bouncycastle.cert.X509CertificateHolder) sd.getCertificates().getMatches(si.getSID())
                    .iterator().next();
            return si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Providers.bc()).build(holder));
        } catch (Exception e) {
            return false;
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String[] login(String url, String... rest) throws Exception {
        Path ks = pki.leaf().keySlot(90).noUscc().build().writePkcs12(dir.resolve("admin.p12"), "pw".toCharArray());
        Path pass = Files.writeString(dir.resolve("pass"), "pw\n");
        String[] base = {"--server", url, "--keystore", ks.toString(), "--storepass-file", pass.toString()};
        String[] all = new String[rest.length + base.length];
        System.arraycopy(rest, 0, all, 0, rest.length);
        System.arraycopy(base, 0, all, rest.length, base.length);
        return all;
    }

    @Test
    void addSendsTheCertificateNameAndJurisdictionsWithTheTokenFromACertificateLogin() throws Exception {
        String url = serve();
        Path cert = TestPki.writePem(dir.resolve("county.pem"), pki.leaf().keySlot(91).noUscc().build().cert());

        CliRun r = CliRun.of(login(url, "admin", "regulator", "add", cert.toString(), "--name", "泽州县自然资源局",
                "--jurisdiction", "140525", "--jurisdiction", "140500"));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("reg-1");
        assertThat(requests).singleElement().asString().startsWith("POST /api/v1/admin/regulators ")
                .contains("BEGIN CERTIFICATE").contains("\"jurisdictions\":[\"140525\",\"140500\"]")
                .contains("泽州县自然资源局");
    }

    @Test
    void listPrintsOneLinePerRegulatorAndRemoveOfAnUnknownIdExitsWithTheServerCode() throws Exception {
        String url = serve();

        CliRun list = CliRun.of(login(url, "admin", "regulator", "list"));
        CliRun removed = CliRun.of(login(url, "admin", "regulator", "remove", "reg-1", "--lang", "zh"));
        CliRun unknown = CliRun.of(login(url, "admin", "regulator", "remove", "nope"));

        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).isEqualTo("reg-1\t140525\t泽州县自然资源局\tCN=county\n");
        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(removed.out()).isEqualTo("已移除 reg-1\n");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.SERVER);
        assertThat(unknown.err()).contains("removal refused: 404");
    }

    @Test
    void withoutAKeyTheCommandIsAUsageError() throws Exception {
        CliRun r = CliRun.of("admin", "regulator", "list", "--server", "http://127.0.0.1:9");

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("give exactly one of --keystore or --pkcs11");
    }
}
