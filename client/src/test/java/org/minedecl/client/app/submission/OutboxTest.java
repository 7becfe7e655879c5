package org.minedecl.client.app.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.Cancellation;
import org.minedecl.client.app.ProgressListener;
import org.minedecl.client.app.receipts.ReceiptStore;
import org.minedecl.shared.receipt.Receipt;
import org.minedecl.shared.receipt.ReceiptJson;
import org.minedecl.shared.receipt.ReceiptKeys;
import org.minedecl.shared.receipt.ReceiptSigner;
import org.minedecl.shared.rules.RulePackInfo;

/** The outbox and the submission service against a stand-in server that is down, then up, or refuses. */
class OutboxTest {
    private static final ReceiptKeys KEYS = ReceiptKeys.generate("test server", Instant.parse("2026-10-10T00:00:00Z"));
    @TempDir
    Path dir;
    HttpServer server;
    final AtomicInteger uploads = new AtomicInteger();
    final AtomicReference<String> mode = new AtomicReference<>("down");
    final List<byte[]> received = new ArrayList<>();

    private static Receipt receipt() {
        return new Receipt("r-42", "00".repeat(32), "2026Q3", "91140525MA0JX7RP19", "C1", "140525",
                Instant.parse("2026-10-10T02:00:00Z"), Receipt.Status.FLAGGED, List.of(), null,
                List.of(new RulePackInfo("CORE", "1", "")), null);
    }

    private URI_ start() throws Exception {
        byte[] signed = new ReceiptSigner(KEYS.privateKey(), KEYS.certificate()).sign(receipt());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/submissions", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            uploads.incrementAndGet();
            String m = mode.get();
            int status;
            String answer;
            if (m.equals("down")) {
                status = 503;
                answer = "{\"status\":503,\"code\":\"STORAGE_UNAVAILABLE\",\"detail\":\"try again later\"}";
            } else if (m.equals("refuse")) {
                status = 422;
                answer = "{\"status\":422,\"code\":\"CERT_REVOKED\",\"detail\":\"the certificate is revoked\"}";
            } else {
                synchronized (received) {
                    boolean again = received.stream().anyMatch(b -> java.util.Arrays.equals(b, body));
                    received.add(body);
                    status = again ? 200 : 201;
                }
                answer = "{\"receipt\":" + new String(ReceiptJson.toBytes(receipt()), StandardCharsets.UTF_8)
                        + ",\"signedReceipt\":\"" + Base64.getEncoder().encodeToString(signed) + "\"}";
            }
            byte[] b = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.createContext("/api/v1/server-certificate", ex -> {
            byte[] b = ("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                    uncheckedEncoded()) + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
            ex.getResponseHeaders().add("Content-Type", "application/x-pem-file");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return new URI_(java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    private static byte[] uncheckedEncoded() {
        try {
            return KEYS.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theServerCertificateIsFetchedAndVerifiesTheReceiptKeptBesideThePackage() throws Exception {
        java.net.URI uri = start().uri();
        mode.set("up");
        Path pkg = Files.write(dir.resolve("q3.asice"), new byte[] {5});
        SubmissionService service = service(uri, new ArrayList<>());
        new Outbox(dir.resolve("outbox"), BusinessClock.system()).submitOrKeep(pkg, null, service, null, null);

        java.security.cert.X509Certificate cert = service.serverCertificate();

        assertThat(cert).isEqualTo(KEYS.certificate());
        org.minedecl.shared.receipt.ReceiptVerifier.Result r = ReceiptStore.verify(ReceiptStore.besidePackage(pkg), cert);
        assertThat(r.valid()).isTrue();
        assertThat(r.receipt().status()).isEqualTo(Receipt.Status.FLAGGED);
        ReceiptKeys other = ReceiptKeys.generate("impostor", Instant.parse("2026-10-10T00:00:00Z"));
        assertThat(ReceiptStore.verify(ReceiptStore.besidePackage(pkg), other.certificate()).valid()).isFalse();
    }

    private record URI_(java.net.URI uri) {
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private SubmissionService service(java.net.URI uri, List<Long> waits) {
        return new SubmissionService(uri, Duration.ofSeconds(10), 1, waits::add);
    }

    @Test
    void aPackageWaitsWhileTheServerIsDownAndIsSentOnceWhenItIsBack() throws Exception {
        java.net.URI uri = start().uri();
        Path pkg = Files.write(dir.resolve("q3.asice"), new byte[] {1, 2, 3});
        Outbox outbox = new Outbox(dir.resolve("outbox"), BusinessClock.fixed(Instant.parse("2026-10-10T03:00:00Z")));
        List<Long> waits = new ArrayList<>();

        SubmissionResult first = outbox.submitOrKeep(pkg, null, service(uri, waits), null, null);
        outbox.add(pkg, null); // the user puts it in again: still one entry

        assertThat(first).isInstanceOf(SubmissionResult.Unavailable.class);
        assertThat(((SubmissionResult.Unavailable) first).status()).isEqualTo(503);
        assertThat(uploads.get()).as("one try and one retry").isEqualTo(2);
        assertThat(outbox.pending()).hasSize(1);
        assertThat(outbox.pending().get(0).receiptTarget()).isEqualTo(ReceiptStore.besidePackage(pkg).toAbsolutePath());

        mode.set("up");
        List<Outbox.Sent> sent = outbox.sendAll(service(uri, waits), null, null);
        List<Outbox.Sent> again = outbox.sendAll(service(uri, waits), null, null);

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).result()).isInstanceOf(SubmissionResult.Accepted.class);
        assertThat(received).as("the package reached the server once").hasSize(1);
        assertThat(again).isEmpty();
        assertThat(outbox.pending()).isEmpty();
        assertThat(ReceiptStore.verify(ReceiptStore.besidePackage(pkg), KEYS.certificate()).receipt().receiptId())
                .isEqualTo("r-42");
    }

    @Test
    void aResentPackageTheServerAlreadyHasGetsItsFirstReceiptAndLeavesTheOutbox() throws Exception {
        java.net.URI uri = start().uri();
        mode.set("up");
        Path pkg = Files.write(dir.resolve("q3.asice"), new byte[] {9, 9});
        Outbox outbox = new Outbox(dir.resolve("outbox"), BusinessClock.system());
        assertThat(outbox.submitOrKeep(pkg, null, service(uri, new ArrayList<>()), null, null))
                .isInstanceOf(SubmissionResult.Accepted.class);
        outbox.add(pkg, dir.resolve("elsewhere.receipt")); // e.g. queued by a second window before it knew

        List<Outbox.Sent> sent = outbox.sendAll(service(uri, new ArrayList<>()), null, null);

        assertThat(((SubmissionResult.Accepted) sent.get(0).result()).alreadyFiled()).isTrue();
        assertThat(outbox.pending()).isEmpty();
        assertThat(dir.resolve("elsewhere.receipt")).exists();
    }

    @Test
    void aRefusedPackageMovesAsideWithTheServersAnswer() throws Exception {
        java.net.URI uri = start().uri();
        Path pkg = Files.write(dir.resolve("q3.asice"), new byte[] {7});
        Outbox outbox = new Outbox(dir.resolve("outbox"), BusinessClock.system());
        outbox.add(pkg, null);
        mode.set("refuse");

        List<Outbox.Sent> sent = outbox.sendAll(service(uri, new ArrayList<>()), null, null);

        SubmissionResult.Refused r = (SubmissionResult.Refused) sent.get(0).result();
        assertThat(r.code()).isEqualTo("CERT_REVOKED");
        assertThat(r.kind()).isEqualTo(SubmissionResult.Refused.Kind.PACKAGE);
        assertThat(outbox.pending()).isEmpty();
        assertThat(outbox.refused()).hasSize(1);
        assertThat(Files.readString(outbox.dir().resolve("refused").resolve(sent.get(0).entry().id() + ".answer.json")))
                .contains("CERT_REVOKED");
    }

    @Test
    void aCancelledUploadStopsBeforeTheNextPieceAndSaysCancelled() throws Exception {
        java.net.URI uri = start().uri();
        mode.set("up");
        Path pkg = Files.write(dir.resolve("big.asice"), new byte[1 << 20]);
        Cancellation cancel = new Cancellation();
        List<Long> shown = new ArrayList<>();
        ProgressListener cancelAfterFirstPiece = (phase, done, total) -> {
            shown.add(done);
            if (done > 0) {
                cancel.cancel();
            }
        };

        SubmissionResult r = service(uri, new ArrayList<>()).submit(pkg, cancelAfterFirstPiece, cancel);

        assertThat(r).isInstanceOf(SubmissionResult.Cancelled.class);
        assertThat(shown).as("no piece after the cancel").allMatch(done -> done <= 64 * 1024);
        assertThat(received).isEmpty();
    }

    @Test
    void progressCountsTheBytesSentUpToTheSize() throws Exception {
        java.net.URI uri = start().uri();
        mode.set("up");
        Path pkg = Files.write(dir.resolve("p.asice"), new byte[200_000]);
        List<Long> shown = new ArrayList<>();

        SubmissionResult r = service(uri, new ArrayList<>()).submit(pkg, (phase, done, total) -> {
            assertThat(phase).isEqualTo(ProgressListener.UPLOADING);
            assertThat(total).isEqualTo(200_000L);
            shown.add(done);
        }, null);

        assertThat(r).isInstanceOf(SubmissionResult.Accepted.class);
        assertThat(shown).startsWith(0L).endsWith(200_000L).isSorted();
    }
}
