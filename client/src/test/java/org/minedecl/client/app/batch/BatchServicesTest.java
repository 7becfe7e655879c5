package org.minedecl.client.app.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.Cancellation;
import org.minedecl.client.app.receipts.ReceiptStore;
import org.minedecl.client.app.signing.SigningService;
import org.minedecl.client.app.submission.SubmissionResult;
import org.minedecl.client.app.submission.SubmissionService;
import org.minedecl.shared.receipt.Receipt;
import org.minedecl.shared.receipt.ReceiptJson;
import org.minedecl.shared.receipt.ReceiptKeys;
import org.minedecl.shared.receipt.ReceiptSigner;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.rules.RulePackInfo;
import org.minedecl.shared.rules.RuleVectors;
import org.minedecl.shared.signature.SignerSource;
import org.minedecl.shared.signature.SigningCredential;
import org.minedecl.shared.testpki.TestPki;

class BatchServicesTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 10);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path decls;
    final SigningService signing = SigningService.standard(BusinessClock.fixed(TestPki.NOW));
    SigningCredential credential;

    @BeforeEach
    void folder() throws Exception {
        decls = Files.createDirectories(tmp.resolve("decls"));
        for (int i = 1; i <= 3; i++) {
            ObjectNode d = RuleVectors.example();
            ((ObjectNode) d.get("mine")).put("name", "金岭矿" + i);
            Files.write(decls.resolve("mine" + i + ".json"), JSON.writeValueAsBytes(d));
            TestPki.exampleAttachments(decls.resolve("mine" + i));
        }
        TestPki.Leaf leaf = TestPki.get(TestPki.KeyAlg.EC).leaf().build();
        Path ks = leaf.writePkcs12(tmp.resolve("ks.p12"), "pw".toCharArray());
        credential = signing.open(new SignerSource.Pkcs12File(ks, "pw".toCharArray(), null));
    }

    Path broken() throws Exception {
        ObjectNode d = RuleVectors.example();
        ((ObjectNode) d.get("restorationFund")).put("closingBalance", "1.00");
        return Files.write(decls.resolve("mine0-broken.json"), JSON.writeValueAsBytes(d));
    }

    @Test
    void batchValidationGivesOneResultPerFileWithItsFirstFinding() throws Exception {
        broken();
        List<BatchValidator.Result> results = new BatchValidator(RuleEngine.standard()).validate(decls, AS_OF);

        assertThat(results).extracting(BatchValidator.Result::file)
                .containsExactly("mine0-broken.json", "mine1.json", "mine2.json", "mine3.json");
        BatchValidator.Result bad = results.get(0);
        assertThat(bad.errors()).isGreaterThanOrEqualTo(1);
        assertThat(bad.first().ruleId()).isEqualTo("CORE-FUND-01");
        assertThat(bad.mine()).isEqualTo("金岭水泥用灰岩矿");
        assertThat(results.get(1).errors()).isZero();
        assertThat(results.get(1).mine()).isEqualTo("金岭矿1");
    }

    @Test
    void signingAFolderSignsEachDeclarationWithItsAttachmentsAndARunAgainKeepsThem() throws Exception {
        Path out = tmp.resolve("signed");
        broken();
        List<String> seen = new ArrayList<>();
        BatchSigner.Summary first = new BatchSigner(signing).sign(decls, out, credential, false, AS_OF,
                BatchSigner.Mode.ALL, null, null, new BatchProgress() {
                    @Override
                    public void finished(int index, int total, Path item, Object outcome) {
                        seen.add(index + "/" + total);
                    }
                });

        assertThat(seen).containsExactly("1/4", "2/4", "3/4", "4/4");
        assertThat(first.items().get(0).outcome()).isInstanceOf(BatchSigner.Outcome.Refused.class);
        assertThat(first.count(BatchSigner.Outcome.Signed.class)).isEqualTo(3);
        try (ZipFile pkg = new ZipFile(out.resolve("mine2.asice").toFile())) {
            assertThat(pkg.getInputStream(pkg.getEntry("declaration.json")).readAllBytes())
                    .isEqualTo(Files.readAllBytes(decls.resolve("mine2.json")));
            assertThat(pkg.getEntry("attachments/mining-licence.pdf")).isNotNull();
        }
        assertThat(out.resolve("mine0-broken.asice")).doesNotExist();

        BatchSigner.Summary again = new BatchSigner(signing).sign(decls, out, credential, false, AS_OF,
                BatchSigner.Mode.ALL, null, null, null);
        assertThat(again.count(BatchSigner.Outcome.AlreadySigned.class)).isEqualTo(3);
        assertThat(again.count(BatchSigner.Outcome.Signed.class)).isZero();
    }

    @Test
    void oneByOneSignsOnlyWhatTheUserConfirms() throws Exception {
        Path out = tmp.resolve("signed");
        BatchSigner.Summary s = new BatchSigner(signing).sign(decls, out, credential, false, AS_OF,
                BatchSigner.Mode.ONE_BY_ONE, (file, ready) -> !file.getFileName().toString().equals("mine2.json"),
                null, null);

        assertThat(s.items()).extracting(i -> i.outcome().getClass().getSimpleName())
                .containsExactly("Signed", "Declined", "Signed");
        assertThat(out.resolve("mine2.asice")).doesNotExist();
    }

    @Test
    void aCancelledBatchStopsBetweenDeclarations() throws Exception {
        Path out = tmp.resolve("signed");
        Cancellation cancel = new Cancellation();
        BatchSigner.Summary s = new BatchSigner(signing).sign(decls, out, credential, false, AS_OF,
                BatchSigner.Mode.ALL, null, cancel, new BatchProgress() {
                    @Override
                    public void finished(int index, int total, Path item, Object outcome) {
                        cancel.cancel();
                    }
                });

        assertThat(s.cancelled()).isTrue();
        assertThat(s.items()).extracting(i -> i.outcome().getClass().getSimpleName())
                .containsExactly("Signed", "NotReached", "NotReached");
        try (var files = Files.list(out)) {
            assertThat(files.toList()).hasSize(1);
        }
    }

    // ---- submitting against a stand-in server that keeps one receipt per distinct package ----

    static final ReceiptKeys KEYS = ReceiptKeys.generate("test server", Instant.parse("2026-10-10T00:00:00Z"));
    HttpServer server;
    final Set<String> stored = ConcurrentHashMap.newKeySet();
    final AtomicInteger uploads = new AtomicInteger();
    final AtomicInteger failAfter = new AtomicInteger(Integer.MAX_VALUE);

    String serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/submissions", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            byte[] answer;
            int status;
            if (uploads.incrementAndGet() > failAfter.get()) {
                status = 503;
                answer = "{\"code\":\"STORAGE_UNAVAILABLE\",\"detail\":\"down\"}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/problem+json");
            } else {
                String digest = java.util.HexFormat.of().formatHex(sha256(body));
                boolean again = !stored.add(digest);
                Receipt r = new Receipt("R-" + digest.substring(0, 12), digest, "2026Q3", TestPki.EXAMPLE_USCC,
                        "C1", "140525", Instant.parse("2026-10-10T08:00:00Z"), Receipt.Status.ACCEPTED, List.of(),
                        null, List.of(new RulePackInfo("CORE", "1", "")), null);
                byte[] signed = new ReceiptSigner(KEYS.privateKey(), KEYS.certificate()).sign(r);
                answer = ("{\"receipt\":" + new String(ReceiptJson.toBytes(r), StandardCharsets.UTF_8)
                        + ",\"signedReceipt\":\"" + Base64.getEncoder().encodeToString(signed) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                status = again ? 200 : 201;
                ex.getResponseHeaders().add("Content-Type", "application/json");
            }
            ex.sendResponseHeaders(status, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void anInterruptedSubmitRunAgainSendsOnlyWhatHasNoReceipt() throws Exception {
        Path out = tmp.resolve("signed");
        new BatchSigner(signing).sign(decls, out, credential, false, AS_OF, BatchSigner.Mode.ALL, null, null, null);
        SubmissionService service = new SubmissionService(URI.create(serve()), Duration.ofSeconds(10), 0, null);
        failAfter.set(1);

        BatchSubmitter.Summary first = new BatchSubmitter(service).submit(out, null, null, null);

        assertThat(first.receipts()).isEqualTo(1);
        assertThat(first.waiting()).isEqualTo(2);
        assertThat(first.items().get(1).result()).isInstanceOf(SubmissionResult.Unavailable.class);
        assertThat(first.items().get(2).result()).as("not tried after the server failed").isNull();
        assertThat(uploads.get()).isEqualTo(2);

        failAfter.set(Integer.MAX_VALUE);
        BatchSubmitter.Summary second = new BatchSubmitter(service).submit(out, null, null, null);

        assertThat(second.receipts()).isEqualTo(3);
        assertThat(second.waiting()).isZero();
        assertThat(second.items().get(0).hadReceipt()).isTrue();
        assertThat(uploads.get()).as("the first package was not sent again").isEqualTo(4);
        assertThat(stored).hasSize(3);
        for (BatchSubmitter.Item i : second.items()) {
            assertThat(ReceiptStore.verify(i.receipt(), KEYS.certificate()).valid()).isTrue();
        }
    }
}
