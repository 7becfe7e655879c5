package org.minedecl.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minedecl.server.support.Api;
import org.minedecl.server.support.Declarations;
import org.minedecl.server.support.SignedPackages;

/**
 * SECURITY-TESTS D1: the real server jar, uploads from several threads, {@code kill -9} at random moments, restart;
 * every submission for which a receipt came back must be present afterwards, byte-identical, with the same receipt.
 */
@Tag("process")
class KillNineIT {
    private static final int CYCLES = 20;
    private static final int THREADS = 4;

    record Acked(String receiptId, byte[] pkg, String signedReceipt) {
    }

    @Test
    void everyReceiptedSubmissionSurvivesKillNineByteIdentical() throws Exception {
        Path root = Files.createTempDirectory("minedecl-kill9");
        Path dataDir = root.resolve("data");
        Path log = root.resolve("server.log");
        SignedPackages packages = new SignedPackages(root.resolve("work"));
        packages.installTrust(dataDir.resolve("trust"));
        ConcurrentLinkedQueue<byte[]> pending = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 600; i++) {
            pending.add(packages.sign(Declarations.example()));
        }
        Map<String, Acked> acked = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        Random random = new Random(42);
        int cycles = 0;
        for (int cycle = 0; cycle < CYCLES && !pending.isEmpty(); cycle++) {
            cycles++;
            ServerProcess server = ServerProcess.start(dataDir, "256m", Map.of(), log);
            Api api = new Api(server.uri()).loggedInAs(packages.leaf());
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch firstReceipt = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Thread th = new Thread(() -> {
                    while (!stop.get()) {
                        byte[] pkg = pending.poll();
                        if (pkg == null) {
                            return;
                        }
                        try {
                            Api.Answer a = api.upload(pkg);
                            if (a.status() == 201 || a.status() == 200) {
                                JsonNode j = a.json();
                                acked.put(j.path("receipt").path("receiptId").asText(), new Acked(
                                        j.path("receipt").path("receiptId").asText(), pkg,
                                        j.path("signedReceipt").asText()));
                                firstReceipt.countDown();
                            } else {
                                unexpected.add(a.status() + " " + a.text()); // asserted below: a thread's throw is lost
                            }
                        } catch (RuntimeException connectionLost) {
                            pending.add(pkg); // no receipt: the client would retry (replays are idempotent)
                        }
                    }
                });
                th.start();
                threads.add(th);
            }
            // The kill comes at a random moment while uploads are flowing: after this cycle's first receipt, so that a
            // slow start on a busy machine (cold JIT, trust loading) cannot make every cycle end before any upload.
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!firstReceipt.await(100, TimeUnit.MILLISECONDS) && System.nanoTime() < end
                    && threads.stream().anyMatch(Thread::isAlive)) {
                // until this cycle's first receipt, or until nothing is left to upload
            }
            Thread.sleep(random.nextInt(800));
            server.kill();
            stop.set(true);
            for (Thread th : threads) {
                th.join();
            }
        }
        int lost = 0;
        int checked = 0;
        try (ServerProcess server = ServerProcess.start(dataDir, "256m", Map.of(), log)) {
            Api api = new Api(server.uri()).loggedInAs(packages.leaf());
            for (Acked a : acked.values()) {
                checked++;
                Api.Answer pkg = api.get("/api/v1/submissions/" + a.receiptId() + "/package");
                Api.Answer receipt = api.get("/api/v1/submissions/" + a.receiptId() + "/receipt");
                boolean ok = pkg.status() == 200 && java.util.Arrays.equals(pkg.body(), a.pkg())
                        && receipt.status() == 200 && receipt.json().path("signedReceipt").asText()
                        .equals(a.signedReceipt());
                if (!ok) {
                    lost++;
                    System.out.println("LOST " + a.receiptId() + ": package " + pkg.status() + ", receipt "
                            + receipt.status());
                }
            }
        }
        long leftovers;
        try (Stream<Path> s = Files.list(dataDir.resolve("tmp"))) {
            leftovers = s.count();
        }
        System.out.println("KILL -9: " + cycles + " cycles, " + checked + " receipted submissions checked after "
                + "restart, lost " + lost + ", temp files left " + leftovers + " (server log " + log + ")");
        assertThat(unexpected).as("answers other than 200/201").isEmpty();
        assertThat(cycles).as("kill cycles").isGreaterThanOrEqualTo(10);
        assertThat(checked).isGreaterThan(cycles);
        assertThat(lost).isZero();
        assertThat(leftovers).isZero();
    }
}
