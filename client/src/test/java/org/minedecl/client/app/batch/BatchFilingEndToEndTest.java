package org.minedecl.client.app.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.Main;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.receipts.ReceiptStore;
import org.minedecl.client.app.session.ServerSession;
import org.minedecl.shared.declaration.Period;
import org.minedecl.shared.receipt.ReceiptVerifier;
import org.minedecl.shared.rules.RuleVectors;
import org.minedecl.shared.signature.SignerSource;
import org.minedecl.shared.signature.SigningCredential;
import org.minedecl.client.testsupport.ServerProcess;
import org.minedecl.client.testsupport.SharedSoftHsm;
import org.minedecl.shared.testpki.SoftHsmToken;
import org.minedecl.shared.testpki.TestPki;

/**
 * Issue #14's done-when: 50 declarations signed with a key on a SoftHSM2 token ({@code minedecl batch sign
 * --pkcs11}) and submitted to the real server jar in its own process; the submitting JVM is killed half-way, the
 * batch run again, and the server holds exactly 50 submissions, each package with its receipt. Needs
 * {@code server/target/minedecl-server.jar} (.ci/run packages the jars before the tests) and SoftHSM2.
 */
@Tag("softhsm")
@Tag("server-process")
class BatchFilingEndToEndTest {
    static final int DECLARATIONS = 50;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    ServerProcess server;
    Process submitter;

    @AfterEach
    void stop() throws Exception {
        if (submitter != null && submitter.isAlive()) {
            submitter.destroyForcibly();
            submitter.waitFor();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void fiftyDeclarationsSignedOnATokenAndSubmittedSurviveAKilledBatchWithExactlyFiftySubmissions()
            throws Exception {
        ServerProcess.jar(); // skips the test when the server jar is not built
        // the client JVM's one pair of tokens (SoftHSM2 reads its token folder once per process); its
        // "enterprise" key is the EC test PKI's
        SoftHsmToken token = SharedSoftHsm.get();
        TestPki pki = TestPki.get(TestPki.KeyAlg.EC);
        server = ServerProcess.start(Files.createDirectories(tmp.resolve("server-data")), pki);
        URI uri = server.uri();

        LocalDate today = BusinessClock.system().today();
        String period = Period.containing(today).previous().toString();
        Path decls = Files.createDirectories(tmp.resolve("declarations"));
        for (int i = 0; i < DECLARATIONS; i++) {
            ObjectNode d = RuleVectors.example();
            d.put("period", period);
            ((ObjectNode) d.get("mine")).put("name", "金岭矿" + i + "号");
            ((ObjectNode) d.at("/licences/mining")).put("number", String.format("C14052520091271300486%02d", i));
            Files.write(decls.resolve(String.format("mine%02d.json", i)), JSON.writeValueAsBytes(d));
            TestPki.exampleAttachments(decls.resolve(String.format("mine%02d", i)));
        }
        Path pin = Files.writeString(tmp.resolve("pin.txt"), token.pin() + "\n");
        Path packages = tmp.resolve("packages");

        int signed = Main.run("batch", "sign", decls.toString(), "--out", packages.toString(), "--pkcs11",
                token.config().toString(), "--storepass-file", pin.toString(), "--lang", "en");
        assertThat(signed).isZero();
        assertThat(count(packages, ".asice")).isEqualTo(DECLARATIONS);

        // the first run in its own JVM, killed (SIGKILL) once some receipts are kept
        submitter = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "batch", "submit", packages.toString(),
                "--server", uri.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("submit-1.log").toFile()).start();
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (count(packages, ".receipt") < 10 && submitter.isAlive() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        submitter.destroyForcibly().waitFor();
        long before = count(packages, ".receipt");
        assertThat(before).as("killed half-way: %s", Files.readString(tmp.resolve("submit-1.log")))
                .isBetween(10L, (long) DECLARATIONS - 1);

        int again = Main.run("batch", "submit", packages.toString(), "--server", uri.toString(), "--lang", "en");

        assertThat(again).isZero();
        assertThat(count(packages, ".receipt")).isEqualTo(DECLARATIONS);
        // the enterprise reads its own submissions after a certificate login (CONTRACTS 7), with the token's key
        SigningCredential operator = new SignerSource.Pkcs11Token(token.config(), token.pin().toCharArray(),
                "enterprise").open();
        ServerSession.Answer list = ServerSession.login(uri, operator, java.time.Clock.systemUTC())
                .get("/api/v1/submissions?size=1");
        assertThat(list.status()).as("list: %s", list.json()).isEqualTo(200);
        JsonNode page = list.json();
        assertThat(page.get("total").asLong()).as("submissions on the server").isEqualTo(DECLARATIONS);
        Set<String> ids = new HashSet<>();
        String cert = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                uri.resolve("/api/v1/server-certificate")).build(), HttpResponse.BodyHandlers.ofString()).body();
        try (Stream<Path> s = Files.list(packages)) {
            for (Path r : s.filter(p -> p.toString().endsWith(".receipt")).toList()) {
                ReceiptVerifier.Result v = ReceiptStore.verify(ReceiptStore.read(r).orElseThrow(),
                        serverCertificate(cert));
                assertThat(v.valid()).as(v.problem()).isTrue();
                ids.add(v.receipt().receiptId());
            }
        }
        assertThat(ids).hasSize(DECLARATIONS);
    }

    static java.security.cert.X509Certificate serverCertificate(String pem) throws Exception {
        return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII)));
    }

    static long count(Path dir, String suffix) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }
}
