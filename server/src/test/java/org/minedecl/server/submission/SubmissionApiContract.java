package org.minedecl.server.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minedecl.server.storage.StorageFailure;
import org.minedecl.server.support.Api;
import org.minedecl.server.support.Declarations;
import org.minedecl.server.support.SignedPackages;
import org.minedecl.server.support.TestData;
import org.minedecl.server.support.Leftovers;
import org.minedecl.server.support.Repackaged;
import org.minedecl.server.support.Logins;
import org.minedecl.server.support.Rows;
import org.minedecl.shared.receipt.ReceiptVerifier;
import org.minedecl.shared.testpki.SignatureTwins;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.rules.RulePackHeader;
import org.minedecl.shared.rules.RulePackInfo;

/**
 * The upload and reading API, run against H2 ({@link SubmissionApiH2Test}) and PostgreSQL
 * ({@link SubmissionApiPostgresTest}) alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SubmissionApiContract implements TestPropertyProvider {
    /** A small upload limit, so that the 413 tests stay quick. */
    static final long LIMIT = 2L * 1024 * 1024;

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    @Inject
    SubmissionRepository repository;

    Api api;
    Path dataDir;
    SignedPackages packages;
    /** Channels opened by {@link #row}, closed after all tests. */
    final List<FileChannel> openChannels = new java.util.concurrent.CopyOnWriteArrayList<>();

    Map<String, String> commonProperties() {
        TestData data = TestData.create("minedecl-api-test");
        dataDir = data.dataDir();
        packages = data.packages();
        return Map.of("minedecl.data-dir", dataDir.toString(), "minedecl.max-upload-bytes", String.valueOf(LIMIT),
                "micronaut.server.port", "-1");
    }

    @AfterAll
    void closeChannels() throws IOException {
        for (FileChannel ch : openChannels) {
            ch.close();
        }
    }

    /** The example enterprise's token: uploads need none, reading its own filings does. */
    String operatorToken;

    @BeforeEach
    void client() {
        if (operatorToken == null) {
            operatorToken = Logins.token(new Api(server.getURI()), packages.leaf());
        }
        api = new Api(server.getURI()).withToken(operatorToken);
    }

    byte[] pkg(Declarations d) {
        return packages.sign(d);
    }


    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    X509Certificate serverCertificate() throws Exception {
        Api.Answer pem = api.get("/api/v1/server-certificate");
        assertThat(pem.status()).isEqualTo(200);
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.body()));
    }

    @Test
    void anAcceptedPackageGets201WithAReceiptThatVerifiesWithTheServerCertificate() throws Exception {
        byte[] pkg = pkg(Declarations.example());

        Api.Answer a = api.upload(pkg);

        assertThat(a.status()).as(a.text()).isEqualTo(201);
        JsonNode receipt = a.json().path("receipt");
        assertThat(receipt.path("packageSha256").asText()).isEqualTo(sha256(pkg));
        assertThat(receipt.path("period").asText()).isEqualTo("2026Q3");
        assertThat(receipt.path("status").asText()).isEqualTo("ACCEPTED");
        ReceiptVerifier.Result check = ReceiptVerifier.verify(
                Base64.getDecoder().decode(a.json().path("signedReceipt").asText()), serverCertificate());
        assertThat(check.valid()).as(check.problem()).isTrue();
        assertThat(check.receipt().receiptId()).isEqualTo(receipt.path("receiptId").asText());
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM submission WHERE package_sha256 = ?", sha256(pkg)))
                .isEqualTo(1);
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM audit_event WHERE submission_id = ?",
                check.receipt().receiptId())).isEqualTo(1);
        assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
    }

    @Test
    void theStoredPackageReadsBackByteIdentical() throws Exception {
        byte[] pkg = pkg(Declarations.example());
        String id = api.upload(pkg).json().path("receipt").path("receiptId").asText();

        Api.Answer back = api.get("/api/v1/submissions/" + id + "/package");

        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).isEqualTo(pkg);
    }

    @Test
    void theIdenticalPackageAgainGets200WithTheOriginalReceipt() throws Exception {
        byte[] pkg = pkg(Declarations.example());
        Api.Answer first = api.upload(pkg);

        Api.Answer again = api.upload(pkg);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("signedReceipt").asText()).isEqualTo(first.json().path("signedReceipt").asText());
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM submission WHERE package_sha256 = ?", sha256(pkg)))
                .isEqualTo(1);
    }

    /**
     * CONTRACTS section 5, SECURITY-TESTS A12: the same filing is the same signed manifest and signature value,
     * however the ZIP around them was written or the unsigned certificates bag of the CMS encoded. Each copy gets
     * 200 with the original receipt; one row; the stored package stays the first upload's bytes.
     */
    @Test
    void reZippedReOrderedAndCmsReEncodedCopiesOfAnAcceptedPackageGetTheOriginalReceipt() throws Exception {
        Declarations d = Declarations.example();
        byte[] pkg = pkg(d);
        Api.Answer first = api.upload(pkg);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        String id = first.json().path("receipt").path("receiptId").asText();
        List<byte[]> copies = List.of(Repackaged.rezipped(pkg, 1), Repackaged.rezipped(pkg, 2),
                Repackaged.withExtraCertificate(pkg, packages.pki().root().cert(), 3));

        for (byte[] copy : copies) {
            assertThat(sha256(copy)).isNotEqualTo(sha256(pkg));
            Api.Answer again = api.upload(copy);
            assertThat(again.status()).as(again.text()).isEqualTo(200);
            assertThat(again.json().path("signedReceipt").asText())
                    .isEqualTo(first.json().path("signedReceipt").asText());
        }

        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM submission WHERE mining_licence = ?", d.licence()))
                .isEqualTo(1);
        assertThat(api.get("/api/v1/submissions/" + id + "/package").body()).isEqualTo(pkg);
        assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
    }

    /**
     * An ECDSA signature (r, s) has a twin (r, n - s) that verifies without the signer's key: a copy of an accepted
     * package with it is the same filing (CONTRACTS section 5), 200 with the original receipt, not 409.
     */
    @Test
    void aCopyWhoseEcdsaSignatureHasSReplacedByNMinusSGetsTheOriginalReceipt() throws Exception {
        Declarations d = Declarations.example();
        byte[] pkg = pkg(d);
        Api.Answer first = api.upload(pkg);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        byte[] twin = SignatureTwins.withSignature(pkg, p7s -> SignatureTwins.negatedS(p7s, SignatureTwins.P256_N));

        Api.Answer again = api.upload(twin);

        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().path("signedReceipt").asText()).isEqualTo(first.json().path("signedReceipt").asText());
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM submission WHERE mining_licence = ?", d.licence()))
                .isEqualTo(1);
        assertThat(api.get("/api/v1/submissions/" + first.json().path("receipt").path("receiptId").asText()
                + "/package").body()).isEqualTo(pkg);
    }

    /**
     * A filing stored before V10 has no signed-content key: a re-zipped copy of it was 409. The V11 backfill (a
     * Flyway Java migration, run here again on a row whose key is taken away) reads the stored package and gives
     * it its key; then the copy gets the original receipt.
     */
    @Test
    void aFilingStoredBeforeSignedContentKeysGetsItsKeyFromTheBackfillAndItsCopiesItsReceipt() throws Exception {
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '11' AND "
                + "\"success\" = TRUE")).as("V11 ran at start-up").isEqualTo(1);
        Declarations d = Declarations.example();
        byte[] pkg = pkg(d);
        Api.Answer first = api.upload(pkg);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        String id = first.json().path("receipt").path("receiptId").asText();
        String key = keyOf(id);
        try (java.sql.Connection c = raw().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "UPDATE submission SET signed_content_key = NULL WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        byte[] copy = Repackaged.rezipped(pkg, 7);
        Api.Answer before = api.upload(copy);
        assertThat(before.status()).as("without its key, an old filing's copy is another filing").isEqualTo(409);

        SignedContentKeyBackfill.Result r;
        try (java.sql.Connection c = raw().getConnection()) {
            r = SignedContentKeyBackfill.run(c);
        }

        assertThat(r.keyed()).isGreaterThanOrEqualTo(1);
        assertThat(keyOf(id)).isEqualTo(key);
        Api.Answer after = api.upload(copy);
        assertThat(after.status()).as(after.text()).isEqualTo(200);
        assertThat(after.json().path("signedReceipt").asText()).isEqualTo(first.json().path("signedReceipt").asText());
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM submission WHERE mining_licence = ?", d.licence()))
                .isEqualTo(1);
    }

    private DataSource raw() {
        return io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
    }

    private String keyOf(String id) throws Exception {
        try (java.sql.Connection c = raw().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "SELECT signed_content_key FROM submission WHERE id = ?")) {
            ps.setString(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    /**
     * 50 byte-different copies of one filing (re-zipped with 50 timestamps) released together, 5 rounds: one 201,
     * 49 x 200 with the same receipt, one row - never 409 PERIOD_ALREADY_FILED for the filing's own copy.
     */
    @Test
    void fiftyByteDifferentCopiesOfOneFilingAtOnceMakeOneRowAndAllGetItsReceipt() throws Exception {
        List<String> rounds = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            byte[] pkg = pkg(Declarations.example());
            List<byte[]> copies = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                copies.add(Repackaged.rezipped(pkg, i));
            }
            rounds.add(round + ": " + fiftyAtOnce(copies));
        }
        System.out.println("C6 ROUNDS (50 byte-different copies of one filing each): " + rounds);
        assertThat(rounds).allMatch(r -> r.endsWith("{200=49, 201=1} rows=1 receipts=1"));
    }

    /**
     * SECURITY-TESTS C6 over 20 rounds (more with {@code -Dminedecl.c6.rounds=N}, for a stress run): in every round
     * 50 identical first filings released together get one 201 and 49 x 200 with the same receipt (a lost race is
     * never answered 409 naming the upload's own receipt). The report lists each round's answers, and any refusal's
     * detail.
     */
    @Test
    void fiftyConcurrentIdenticalFirstFilingsInEachOfTwentyRoundsMakeExactlyOneRowAndAllGetItsReceipt()
            throws Exception {
        int rounds = Math.max(20, Integer.getInteger("minedecl.c6.rounds", 20));
        List<String> report = new ArrayList<>();
        java.util.Map<String, Long> answers = new java.util.TreeMap<>();
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            String r = fiftyAtOnce(pkg(Declarations.example()));
            report.add(round + ": " + r);
            answers.merge(r.endsWith("{200=49, 201=1} rows=1 receipts=1") ? "as expected" : "NOT as expected", 1L,
                    Long::sum);
        }
        System.out.println("C6 ROUNDS (50 identical first filings each, " + rounds + " rounds in "
                + java.time.Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s): " + answers + " "
                + report);
        assertThat(report).allMatch(r -> r.endsWith("{200=49, 201=1} rows=1 receipts=1"));
    }

    @Test
    void fiftyConcurrentIdenticalAmendmentsMakeExactlyOneRowAndAllGetItsReceipt() throws Exception {
        Declarations d = Declarations.example();
        String first = api.upload(pkg(d)).json().path("receipt").path("receiptId").asText();
        // the losers' stores meet the amended filing already corrected: that is their own package, a replay
        fiftyAtOnceMakeOneRow(pkg(d.declarantName("王五").amends(first)));
    }

    /** 50 uploads of {@code pkg} at once: one 201, the rest 200 with the same receipt, one row, nothing left over. */
    private void fiftyAtOnceMakeOneRow(byte[] pkg) throws Exception {
        assertThat(fiftyAtOnce(pkg)).isEqualTo("{200=49, 201=1} rows=1 receipts=1");
    }

    /** 50 uploads of {@code pkg} released together: the answers counted by status (and code), rows and receipts. */
    private String fiftyAtOnce(byte[] pkg) throws Exception {
        return fiftyAtOnce(java.util.Collections.nCopies(50, pkg));
    }

    /** Rows stored for any of {@code pkgs}. */
    private long rows(List<byte[]> pkgs) throws Exception {
        long n = 0;
        for (String sha : new java.util.TreeSet<>(pkgs.stream().map(p -> {
            try {
                return sha256(p);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList())) {
            n += Rows.count(dataSource, "SELECT COUNT(*) FROM submission WHERE package_sha256 = ?", sha);
        }
        return n;
    }

    /** The 50 {@code pkgs} (copies of one filing) released together: answers by status (and code), rows, receipts. */
    private String fiftyAtOnce(List<byte[]> pkgs) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Api.Answer>> answers = new ArrayList<>();
        try {
            for (byte[] each : pkgs) {
                answers.add(pool.submit((Callable<Api.Answer>) () -> {
                    start.await();
                    return api.upload(each);
                }));
            }
            start.countDown();
            List<String> statuses = new ArrayList<>();
            List<String> receipts = new ArrayList<>();
            List<String> refusals = new ArrayList<>();
            for (Future<Api.Answer> f : answers) {
                Api.Answer a = f.get();
                statuses.add(a.status() + (a.status() >= 400 ? " " + a.code() : ""));
                receipts.add(a.json().path("signedReceipt").asText());
                if (a.status() >= 400) {
                    refusals.add(a.json().path("detail").asText());
                }
            }
            assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
            return new java.util.TreeMap<>(statuses.stream().collect(java.util.stream.Collectors.groupingBy(
                    s -> s, java.util.stream.Collectors.counting()))) + " rows="
                    + rows(pkgs)
                    + " receipts=" + receipts.stream().filter(r -> !r.isEmpty()).distinct().count()
                    + (refusals.isEmpty() ? "" : " refusals=" + refusals.stream().distinct().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void inOneGroupCommitASubmissionThatFailsIsLeftOutWholeAndTheOthersAreStored() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        SubmissionRepository.NewSubmission good = row(tag + "-a", "sha-" + tag + "-a", "LIC-" + tag + "-1", null);
        SubmissionRepository.NewSubmission unknownAmends = row(tag + "-b", "sha-" + tag + "-b", "LIC-" + tag + "-2",
                "no-such-receipt");
        SubmissionRepository.NewSubmission samePackage = row(tag + "-c", "sha-" + tag + "-a", "LIC-" + tag + "-3", null);
        SubmissionRepository.NewSubmission samePeriod = row(tag + "-d", "sha-" + tag + "-d", "LIC-" + tag + "-1", null);
        SubmissionRepository.NewSubmission alsoGood = row(tag + "-e", "sha-" + tag + "-e", "LIC-" + tag + "-4", null);

        List<RuntimeException> outcomes = repository.storeBatch(
                List.of(good, unknownAmends, samePackage, samePeriod, alsoGood));

        assertThat(outcomes.get(0)).isNull();
        assertThat(outcomes.get(1)).isInstanceOf(SubmissionRepository.StoreConflict.class);
        assertThat(((SubmissionRepository.StoreConflict) outcomes.get(1)).kind())
                .isEqualTo(SubmissionRepository.StoreConflict.Kind.AMENDS_UNKNOWN);
        assertThat(outcomes.get(2)).isInstanceOf(StorageFailure.class); // unique package digest
        assertThat(outcomes.get(3)).isInstanceOf(StorageFailure.class); // quarter already filed
        assertThat(outcomes.get(4)).isNull();
        for (String stored : List.of(good.id(), alsoGood.id())) {
            assertThat(rowsOf(stored)).as(stored).containsExactly(1L, 1L, 1L, 1L, 1L, 1L);
        }
        for (String left : List.of(unknownAmends.id(), samePackage.id(), samePeriod.id())) {
            assertThat(rowsOf(left)).as(left).containsOnly(0L);
        }
    }

    @Test
    void aGroupCommitReturnsOnceTheSubmissionIsStoredAndAfterCloseRefusesWithAStorageFailure() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        GroupCommit groupCommit = new GroupCommit(repository);
        SubmissionRepository.NewSubmission first = row(tag + "-g", "sha-" + tag + "-g", "LIC-" + tag + "-g", null);

        groupCommit.store(first);

        assertThat(rowsOf(first.id())).containsExactly(1L, 1L, 1L, 1L, 1L, 1L);
        groupCommit.close();
        SubmissionRepository.NewSubmission late = row(tag + "-h", "sha-" + tag + "-h", "LIC-" + tag + "-h", null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> groupCommit.store(late))
                .isInstanceOf(StorageFailure.class).hasMessageContaining("shutting down");
        assertThat(rowsOf(late.id())).containsOnly(0L);
    }

    /** Rows of one submission in: submission, package_chunk, finding, flag, period_filing, audit_event. */
    private List<Long> rowsOf(String id) {
        return List.of(Rows.count(dataSource, "SELECT COUNT(*) FROM submission WHERE id = ?", id),
                Rows.count(dataSource, "SELECT COUNT(*) FROM package_chunk WHERE submission_id = ?", id),
                Rows.count(dataSource, "SELECT COUNT(*) FROM finding WHERE submission_id = ?", id),
                Rows.count(dataSource, "SELECT COUNT(*) FROM flag WHERE submission_id = ?", id),
                Rows.count(dataSource, "SELECT COUNT(*) FROM period_filing WHERE submission_id = ?", id),
                Rows.count(dataSource, "SELECT COUNT(*) FROM audit_event WHERE submission_id = ?", id));
    }

    /** A submission row as the service would store it, with one FLAG finding and a one-chunk package. */
    private SubmissionRepository.NewSubmission row(String id, String sha, String licence, String amends)
            throws IOException {
        Path file = Files.write(dataDir.resolve("batch-" + id + ".bin"), id.getBytes(StandardCharsets.UTF_8));
        FileChannel bytes = FileChannel.open(file, StandardOpenOption.READ);
        openChannels.add(bytes);
        return new SubmissionRepository.NewSubmission(id, sha, null, Files.size(file), bytes, "2026Q3", "140525",
                "91140525MA0JX7RP19", licence, "FLAGGED", java.time.Instant.parse("2026-10-10T02:00:00Z"), null,
                "CN=test", amends, "{}", "{}", new byte[] {1},
                List.of(new SubmissionRepository.FindingRow("CORE-LATE-01", "FLAG", "ABNORMAL_LIST", "$.period",
                        "{}")), "test");
    }

    @Test
    void aSecondDeclarationForTheSameLicenceAndPeriodIs409PeriodAlreadyFiled() {
        Declarations d = Declarations.example();
        assertThat(api.upload(pkg(d)).status()).isEqualTo(201);
        Map<String, Long> before = Rows.all(dataSource);

        Api.Answer second = api.upload(pkg(d.declarantName("王五")));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.code()).isEqualTo("PERIOD_ALREADY_FILED");
        assertThat(Rows.all(dataSource)).isEqualTo(before);
    }

    /**
     * A regulator drops a CRL that revokes an enterprise's certificate into the trust directory of the running
     * server: within a second or two, that certificate's uploads are refused, with no restart; what it filed before
     * stays stored.
     */
    @Test
    void aCrlDroppedIntoTheTrustDirectoryRevokesWithoutARestart() throws Exception {
        org.minedecl.shared.testpki.TestPki pki = packages.pki();
        org.minedecl.shared.testpki.TestPki.Leaf leaf = pki.leaf().build();
        byte[] before = packages.sign(Declarations.example().json().getBytes(StandardCharsets.UTF_8), leaf);
        assertThat(api.upload(before).status()).isEqualTo(201);
        Path crl = dataDir.resolve("trust").resolve("issuing.crl");
        byte[] fresh = Files.readAllBytes(crl);
        java.time.Instant now = java.time.Instant.now();
        try {
            Files.write(crl, pki.crl(pki.issuing(), now.minusSeconds(60), now.plusSeconds(7 * 86400),
                    now.minusSeconds(30), leaf.cert()).getEncoded());
            byte[] after = packages.sign(Declarations.example().json().getBytes(StandardCharsets.UTF_8), leaf);
            Api.Answer refused = null;
            for (int i = 0; i < 40 && (refused == null || refused.status() == 201); i++) {
                Thread.sleep(100); // the trust directory is looked at again at most once a second
                refused = api.upload(i == 0 ? after : packages.sign(Declarations.example().json()
                        .getBytes(StandardCharsets.UTF_8), leaf));
            }
            assertThat(refused.status()).as(refused.text()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("CERT_REVOKED");
            assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM submission WHERE package_sha256 = ?",
                    sha256(before))).isEqualTo(1);
        } finally {
            Files.write(crl, fresh);
            Thread.sleep(1100); // the other tests' certificate is not revoked, but let them find the file unchanged
        }
    }

    @Test
    void anAmendmentSupersedesTheEarlierReceiptAndBothStayReadableAndLinked() {
        Declarations d = Declarations.example();
        String first = api.upload(pkg(d)).json().path("receipt").path("receiptId").asText();

        Api.Answer amended = api.upload(pkg(d.declarantName("王五").amends(first)));

        assertThat(amended.status()).as(amended.text()).isEqualTo(201);
        String second = amended.json().path("receipt").path("receiptId").asText();
        assertThat(amended.json().path("receipt").path("amends").asText()).isEqualTo(first);
        JsonNode old = api.get("/api/v1/submissions/" + first).json();
        JsonNode now = api.get("/api/v1/submissions/" + second).json();
        assertThat(old.path("supersededBy").asText()).isEqualTo(second);
        assertThat(now.path("amends").asText()).isEqualTo(first);
        assertThat(api.get("/api/v1/submissions/" + first + "/receipt").status()).isEqualTo(200);
    }

    @Test
    void anAmendmentOfAnAlreadyCorrectedReceiptIs409AndOneOfAnUnknownReceiptIs422() {
        Declarations d = Declarations.example();
        String first = api.upload(pkg(d)).json().path("receipt").path("receiptId").asText();
        assertThat(api.upload(pkg(d.declarantName("王五").amends(first))).status()).isEqualTo(201);
        Map<String, Long> before = Rows.all(dataSource);

        Api.Answer stale = api.upload(pkg(d.declarantName("赵六").amends(first)));
        Api.Answer unknown = api.upload(pkg(Declarations.example().amends("no-such-receipt")));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("AMENDS_NOT_CURRENT");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("AMENDS_UNKNOWN");
        assertThat(Rows.all(dataSource)).isEqualTo(before);
    }

    @Test
    void theReceiptRecordsTheClientsRulePacksOnlyWhenTheyDifferFromTheServers() throws Exception {
        List<RulePackInfo> bundled = RuleEngine.standard().packs();
        String same = RulePackHeader.format(bundled);
        Api.Answer a = api.upload(pkg(Declarations.example()), RulePackHeader.NAME, same);
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(a.json().path("receipt").has("declaredRulePacks")).isFalse();
        assertThat(a.json().path("receipt").path("rulePacks").size()).isEqualTo(bundled.size());

        Api.Answer older = api.upload(pkg(Declarations.example()), RulePackHeader.NAME,
                same.replace("SX@1.1.0", "SX@0.9.0"));
        assertThat(older.status()).as(older.text()).isEqualTo(201);
        JsonNode declared = older.json().path("receipt").path("declaredRulePacks");
        assertThat(declared.size()).isEqualTo(bundled.size());
        assertThat(declared.toString()).contains("{\"id\":\"SX\",\"version\":\"0.9.0\",\"jurisdiction\":\"140000\"}");
        // the signed receipt says the same
        ReceiptVerifier.Result check = ReceiptVerifier.verify(
                Base64.getDecoder().decode(older.json().path("signedReceipt").asText()), serverCertificate());
        assertThat(check.receipt().declaredRulePacks()).contains(new RulePackInfo("SX", "0.9.0", "140000"));
    }

    @Test
    void aMalformedRulePacksHeaderIs400AndNothingIsStored() throws Exception {
        byte[] pkg = pkg(Declarations.example());

        Api.Answer a = api.upload(pkg, RulePackHeader.NAME, "CORE 1.0");

        assertThat(a.status()).as(a.text()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("RULE_PACKS_HEADER_INVALID");
        assertThat(a.json().path("detail").asText()).contains("'CORE 1.0' is not ID@VERSION");
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM submission WHERE package_sha256 = ?", sha256(pkg)))
                .isZero();
        assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
    }

    @Test
    void aDeclarationWithErrorsIs422WithItsFindingsAndNothingIsStored() throws Exception {
        Map<String, Long> before = Rows.all(dataSource);

        Api.Answer a = api.upload(pkg(Declarations.example().fund("1250000.00", "90000.00", "35000.00", "9.00")));

        assertThat(a.status()).isEqualTo(422);
        assertThat(a.code()).isEqualTo("DECLARATION_INVALID");
        assertThat(a.json().path("findings").get(0).path("severity").asText()).isEqualTo("ERROR");
        assertThat(a.json().path("findings").findValuesAsText("ruleId")).contains("CORE-FUND-01");
        assertThat(Rows.all(dataSource)).isEqualTo(before);
        assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
    }

    @Test
    void aBrokenContainerIs400PackageInvalidAndNothingIsStored() throws Exception {
        Map<String, Long> before = Rows.all(dataSource);

        Api.Answer a = api.upload("this is not a zip".getBytes(StandardCharsets.US_ASCII));

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.code()).isEqualTo("PACKAGE_INVALID");
        assertThat(Rows.all(dataSource)).isEqualTo(before);
        assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
    }

    @Test
    void anUploadOverTheLimitIs413WithContentLengthAndWhenChunked() throws Exception {
        Map<String, Long> before = Rows.all(dataSource);

        Api.Answer sized = api.upload(new byte[(int) LIMIT + 1]);
        Api.Answer chunked = api.uploadChunked(() -> endless());

        assertThat(sized.status()).isEqualTo(413);
        assertThat(sized.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(Rows.all(dataSource)).isEqualTo(before);
        assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
    }

    /** 32 MiB of zeros, produced lazily: far over the limit, never in memory. */
    static InputStream endless() {
        return new InputStream() {
            long left = 32L << 20;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    @Test
    void anOpeningBalanceUnlikeLastQuartersClosingIsFlaggedAndListedAsAbnormalListCandidate() {
        Declarations q3 = Declarations.example();
        assertThat(api.upload(pkg(q3)).status()).isEqualTo(201);

        Api.Answer q4 = api.upload(pkg(Declarations.example().licence(q3.licence()).period("2026Q3")
                .period("2026Q4").fund("1300000.00", "90000.00", "35000.00", "1355000.00")));

        assertThat(q4.status()).as(q4.text()).isEqualTo(201);
        assertThat(q4.json().path("receipt").path("status").asText()).isEqualTo("FLAGGED");
        assertThat(q4.json().path("receipt").path("findings").findValuesAsText("ruleId")).contains("CORE-CONS-01");
        String id = q4.json().path("receipt").path("receiptId").asText();
        JsonNode list = api.get("/api/v1/abnormal-list?jurisdiction=140500").json();
        assertThat(list.path("entries").findValuesAsText("submissionId")).contains(id);
        // the register names the pack version that set the disposition (RULES 1.1)
        List<String> packs = new ArrayList<>();
        for (JsonNode e : list.path("entries")) {
            if (e.path("submissionId").asText().equals(id) && e.path("ruleId").asText().equals("CORE-CONS-01")) {
                packs.add(e.path("rulePack").asText("(none)"));
            }
        }
        assertThat(packs).containsExactly("CORE@1.1.0");
        JsonNode byRule = api.get("/api/v1/submissions?ruleId=CORE-CONS-01&status=FLAGGED&jurisdiction=140000").json();
        assertThat(byRule.path("items").findValuesAsText("id")).contains(id);
    }

    @Test
    void aBoundaryViolationRepeatedInTheNextQuarterIsAClosureCandidateAgainstTheAcceptedHistory() {
        Declarations q2 = Declarations.example().period("2026Q2").boundaryViolation(true);
        Api.Answer first = api.upload(pkg(q2));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().path("receipt").path("findings").findValuesAsText("ruleId"))
                .contains("CORE-BOUND-01").doesNotContain("CORE-REPEAT-01");

        Api.Answer again = api.upload(pkg(Declarations.example().licence(q2.licence()).boundaryViolation(true)));

        assertThat(again.status()).as(again.text()).isEqualTo(201);
        JsonNode repeat = null;
        for (JsonNode f : again.json().path("receipt").path("findings")) {
            if (f.path("ruleId").asText().equals("CORE-REPEAT-01")) {
                repeat = f;
            }
        }
        assertThat(repeat).as(again.text()).isNotNull();
        assertThat(repeat.path("disposition").asText()).isEqualTo("CLOSE");
        assertThat(repeat.path("params").path("previousPeriod").asText()).isEqualTo("2026Q2");
        assertThat(repeat.path("severityFrom").path("version").asText()).isEqualTo("1.1.0");
        String id = again.json().path("receipt").path("receiptId").asText();
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM flag WHERE submission_id = ? AND rule_id = "
                + "'CORE-REPEAT-01' AND rule_pack = 'CORE@1.1.0'", id)).isEqualTo(1);
        // another licence's first violation in the same quarter has no history: no repeat
        Api.Answer other = api.upload(pkg(Declarations.example().boundaryViolation(true)));
        assertThat(other.json().path("receipt").path("findings").findValuesAsText("ruleId"))
                .contains("CORE-BOUND-01").doesNotContain("CORE-REPEAT-01");
    }

    @Test
    void aSubmissionSaysWhichRulePackVersionsJudgedIt() {
        Api.Answer a = api.upload(pkg(Declarations.example()));
        assertThat(a.status()).isEqualTo(201);
        String id = a.json().path("receipt").path("receiptId").asText();

        JsonNode view = api.get("/api/v1/submissions/" + id).json();

        assertThat(view.path("rulePacks").findValuesAsText("version")).isNotEmpty().containsOnly("1.1.0");
        assertThat(api.get("/api/v1/rules").json().path("packs").findValuesAsText("version")).containsOnly("1.1.0");
    }

    @Test
    void aSubmissionStoredUnderRulePacks100KeepsItsFindingsAndSaysSo() throws IOException {
        String tag = "v10-" + System.nanoTime();
        String finding = "{\"ruleId\":\"CORE-LATE-01\",\"severity\":\"FLAG\",\"disposition\":\"ABNORMAL_LIST\","
                + "\"path\":\"$.period\",\"message\":{\"zh\":\"逾期\",\"en\":\"late\"},\"citation\":\"x\"}";
        String receipt = "{\"receiptId\":\"" + tag + "\",\"status\":\"FLAGGED\",\"rulePacks\":[{\"id\":\"CORE\","
                + "\"version\":\"1.0.0\",\"jurisdiction\":\"\"}]}";
        Path file = Files.write(dataDir.resolve("v10-" + tag + ".bin"), tag.getBytes(StandardCharsets.UTF_8));
        FileChannel bytes = FileChannel.open(file, StandardOpenOption.READ);
        openChannels.add(bytes);
        List<RuntimeException> stored = repository.storeBatch(List.of(new SubmissionRepository.NewSubmission(tag, "sha-" + tag, null, Files.size(file), bytes, "2026Q3",
                "140525", "91140525MA0JX7RP19", "LIC-" + tag, "FLAGGED", java.time.Instant.parse("2026-11-20T02:00:00Z"),
                null, "CN=test", null, Declarations.example().json(), receipt, new byte[] {1},
                List.of(new SubmissionRepository.FindingRow("CORE-LATE-01", "FLAG", "ABNORMAL_LIST", "$.period",
                        finding)), "test")));
        assertThat(stored).containsOnlyNulls();

        JsonNode view = api.get("/api/v1/submissions/" + tag).json();

        // the 1.0 verdict stands (in 1.1 a late filing is only a WARNING) and names the version that gave it
        assertThat(view.path("findings").get(0).path("severity").asText()).isEqualTo("FLAG");
        assertThat(view.path("findings").get(0).path("disposition").asText()).isEqualTo("ABNORMAL_LIST");
        assertThat(view.path("findings").get(0).has("rulePack")).isFalse();
        assertThat(view.path("rulePacks").findValuesAsText("version")).containsExactly("1.0.0");
    }

    @Test
    void listingFiltersByUsccAndPeriodAndPages() {
        Declarations d = Declarations.example();
        api.upload(pkg(d));
        api.upload(pkg(Declarations.example()));

        JsonNode page = api.get("/api/v1/submissions?uscc=91140525MA0JX7RP19&period=2026Q3&page=0&size=1").json();

        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.path("items").get(0).path("receivedAt").asText())
                .as("timestamps are ISO-8601 text, not epoch numbers").matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(api.get("/api/v1/submissions?period=2026Q9").code()).isEqualTo("BAD_PARAMETER");
    }

    @Test
    void unknownPathsAndSubmissionsAreProblemsWithCodes() {
        Api.Answer route = api.get("/api/v1/nothing-here");
        Api.Answer missing = api.get("/api/v1/submissions/nope");

        assertThat(route.status()).isEqualTo(404);
        assertThat(route.contentType()).startsWith("application/problem+json");
        assertThat(route.code()).isEqualTo("NOT_FOUND");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("SUBMISSION_NOT_FOUND");
    }
}
