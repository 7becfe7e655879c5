package org.minedecl.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.shared.receipt.Receipt;
import org.minedecl.shared.receipt.ReceiptJson;
import org.minedecl.shared.receipt.ReceiptKeys;
import org.minedecl.shared.receipt.ReceiptSigner;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.rules.RulePackHeader;
import org.minedecl.shared.rules.RulePackInfo;
import picocli.CommandLine;

/** {@code submit} and {@code receipt verify} against a stand-in server that answers like the real one. */
class SubmitAndReceiptCommandTest {
    private static final ReceiptKeys KEYS = ReceiptKeys.generate("test server", Instant.parse("2026-10-10T00:00:00Z"));
    @TempDir
    Path dir;
    HttpServer server;
    final AtomicReference<byte[]> received = new AtomicReference<>();
    final AtomicReference<String> receivedPacks = new AtomicReference<>();

    private String serve(int status, String contentType, String body) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/submissions", ex -> {
            received.set(ex.getRequestBody().readAllBytes());
            receivedPacks.set(ex.getRequestHeaders().getFirst(RulePackHeader.NAME));
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", contentType);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String acceptedBody(byte[] signed, Receipt r) {
        return "{\"receipt\":" + new String(ReceiptJson.toBytes(r), StandardCharsets.UTF_8) + ",\"signedReceipt\":\""
                + Base64.getEncoder().encodeToString(signed) + "\"}";
    }

    private static Receipt receipt() {
        return new Receipt("r-42", "00".repeat(32), "2026Q3", "91140525MA0JX7RP19", "C1", "140525",
                Instant.parse("2026-10-10T02:00:00Z"), Receipt.Status.ACCEPTED, List.of(), null,
                List.of(new RulePackInfo("CORE", "1", "")), null);
    }

    private int run(Object command, String... args) {
        return new CommandLine(command).execute(args);
    }

    @Test
    void submitUploadsThePackagePrintsTheReceiptIdAndStoresAReceiptThatVerifies() throws Exception {
        byte[] signed = new ReceiptSigner(KEYS.privateKey(), KEYS.certificate()).sign(receipt());
        String url = serve(201, "application/json", acceptedBody(signed, receipt()));
        Path pkg = Files.write(dir.resolve("q3.asice"), new byte[] {1, 2, 3, 4});
        SubmitCommand submit = new SubmitCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        submit.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        submit.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        int exit = run(submit, pkg.toString(), "--server", url);

        assertThat(exit).isEqualTo(0);
        assertThat(received.get()).containsExactly(1, 2, 3, 4);
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("r-42");
        Path stored = dir.resolve("q3.asice.receipt");
        assertThat(Files.readAllBytes(stored)).isEqualTo(signed);
        Path cert = Files.writeString(dir.resolve("server.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        assertThat(run(new ReceiptCommand.Verify(), stored.toString(), "--server-cert", cert.toString())).isEqualTo(0);
    }

    @Test
    void submitTellsTheServerItsRulePacksAndSaysSoWhenTheServerUsedOthers() throws Exception {
        Receipt r = new Receipt("r-43", "00".repeat(32), "2026Q3", "91140525MA0JX7RP19", "C1", "140525",
                Instant.parse("2026-10-10T02:00:00Z"), Receipt.Status.ACCEPTED, List.of(), null,
                List.of(new RulePackInfo("CORE", "2.0.0", "")), List.of(new RulePackInfo("CORE", "1.0.0", "")));
        byte[] signed = new ReceiptSigner(KEYS.privateKey(), KEYS.certificate()).sign(r);
        String url = serve(201, "application/json", acceptedBody(signed, r));
        Path pkg = Files.write(dir.resolve("q3.asice"), new byte[] {1});
        SubmitCommand submit = new SubmitCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        submit.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        submit.err = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(run(submit, pkg.toString(), "--server", url)).isEqualTo(0);

        assertThat(receivedPacks.get()).isEqualTo(RulePackHeader.format(RuleEngine.standard().packs()));
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("other rule pack versions than this client (CORE@2.0.0 there, CORE@1.0.0 here)");
    }

    @Test
    void submitExitsWith1OnFindingsWith3OnARefusedSignatureAndWith4WhenTheServerIsAway() throws Exception {
        Path pkg = Files.write(dir.resolve("q3.asice"), new byte[] {1});
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String findings = serve(422, "application/problem+json", "{\"status\":422,\"code\":\"DECLARATION_INVALID\","
                + "\"findings\":[{\"ruleId\":\"CORE-FUND-01\",\"severity\":\"ERROR\"}]}");
        SubmitCommand a = new SubmitCommand();
        a.err = quiet;
        assertThat(run(a, pkg.toString(), "--server", findings)).isEqualTo(1);
        stop();
        String sig = serve(422, "application/problem+json", "{\"status\":422,\"code\":\"CERT_UNTRUSTED\"}");
        SubmitCommand b = new SubmitCommand();
        b.err = quiet;
        assertThat(run(b, pkg.toString(), "--server", sig)).isEqualTo(3);
        stop();
        server = null;
        SubmitCommand c = new SubmitCommand();
        c.err = quiet;
        List<Long> waits = new java.util.ArrayList<>();
        c.sleeper = waits::add;
        assertThat(run(c, pkg.toString(), "--server", "http://127.0.0.1:1")).isEqualTo(4);
        assertThat(waits).as("tried again 3 times by default, waiting longer each time").containsExactly(2000L,
                4000L, 8000L);
        assertThat(Files.exists(dir.resolve("q3.asice.receipt"))).isFalse();
    }

    /** A stand-in server that gives the first {@code unavailable} uploads 503 and then accepts. */
    private String serveUnavailableThenAccept(int unavailable, String retryAfter, byte[] signed) throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/submissions", ex -> {
            received.set(ex.getRequestBody().readAllBytes());
            boolean down = calls.incrementAndGet() <= unavailable;
            byte[] b = (down ? "{\"status\":503,\"code\":\"STORAGE_UNAVAILABLE\",\"detail\":\"the server's storage "
                    + "is unavailable; nothing was kept, try again later\"}" : acceptedBody(signed, receipt()))
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", down ? "application/problem+json" : "application/json");
            if (down && retryAfter != null) {
                ex.getResponseHeaders().add("Retry-After", retryAfter);
            }
            ex.sendResponseHeaders(down ? 503 : 201, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void submitTriesAgainWhileTheServerIsUnavailableAndStoresTheReceiptWhenItAccepts() throws Exception {
        byte[] signed = new ReceiptSigner(KEYS.privateKey(), KEYS.certificate()).sign(receipt());
        String url = serveUnavailableThenAccept(2, null, signed);
        Path pkg = Files.write(dir.resolve("q3.asice"), new byte[] {1, 2, 3});
        SubmitCommand submit = new SubmitCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        submit.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        submit.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        List<Long> waits = new java.util.ArrayList<>();
        submit.sleeper = waits::add;

        assertThat(run(submit, pkg.toString(), "--server", url)).isEqualTo(0);

        assertThat(waits).containsExactly(2000L, 4000L);
        assertThat(received.get()).containsExactly(1, 2, 3);
        assertThat(dir.resolve("q3.asice.receipt")).hasBinaryContent(signed);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("the server is unavailable (503 STORAGE_UNAVAILABLE: the server's storage is unavailable")
                .contains("trying again in 2 s (try 2 of 4)").contains("trying again in 4 s (try 3 of 4)");
    }

    @Test
    void submitGivesUpAfterItsRetriesWithExit4AndHonoursRetryAfter() throws Exception {
        String url = serveUnavailableThenAccept(Integer.MAX_VALUE, "7", new byte[0]);
        Path pkg = Files.write(dir.resolve("q3.asice"), new byte[] {1});
        SubmitCommand submit = new SubmitCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        submit.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        List<Long> waits = new java.util.ArrayList<>();
        submit.sleeper = waits::add;

        assertThat(run(submit, pkg.toString(), "--server", url, "--retries", "1")).isEqualTo(4);

        assertThat(waits).containsExactly(7000L);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("trying again in 7 s (try 2 of 2)")
                .endsWith("minedecl submit: the server is unavailable (503 STORAGE_UNAVAILABLE: the server's storage "
                        + "is unavailable; nothing was kept, try again later)" + System.lineSeparator());
        assertThat(Files.exists(dir.resolve("q3.asice.receipt"))).isFalse();
        SubmitCommand never = new SubmitCommand();
        never.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(run(never, pkg.toString(), "--server", url, "--retries", "-1")).isEqualTo(2);
    }

    @Test
    void receiptVerifyRejectsAReceiptSignedByAnotherKeyWithExit3() throws Exception {
        ReceiptKeys other = ReceiptKeys.generate("impostor", Instant.parse("2026-10-10T00:00:00Z"));
        Path forged = Files.write(dir.resolve("x.receipt"),
                new ReceiptSigner(other.privateKey(), other.certificate()).sign(receipt()));
        Path cert = Files.write(dir.resolve("server.der"), KEYS.certificate().getEncoded());
        ReceiptCommand.Verify verify = new ReceiptCommand.Verify();
        verify.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThat(run(verify, forged.toString(), "--server-cert", cert.toString())).isEqualTo(3);
    }
}
