package org.minedecl.server.submission;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minedecl.server.support.Api;
import org.minedecl.server.support.Declarations;
import org.minedecl.server.support.Leftovers;
import org.minedecl.server.support.Rows;
import org.minedecl.server.support.SignedPackages;
import org.minedecl.server.support.TestData;

/**
 * Slow clients hold a bounded share of the server, for a bounded time (issue 15, points 1 and 2), with the limits
 * scaled down: 2 places for uploads, 0.5 s of waiting for one, 1,000 bytes/s after the first second, 1.5 s for a
 * request's headers, 1 s of silence in the middle of a request, uploads under 1,500 bytes/s give their place up
 * to one waiting. The idle timeout (between requests) stays 30 s, so
 * a close within seconds is one of these limits.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowClientsTest implements TestPropertyProvider {
    private static final String HEAD = "POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: "
            + "application/vnd.etsi.asic-e+zip\r\nContent-Length: 1000000\r\n\r\n";
    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    @Inject
    UploadSpooler spooler;
    Path dataDir;
    SignedPackages packages;

    @Override
    public Map<String, String> getProperties() {
        TestData data = TestData.create("minedecl-slow");
        dataDir = data.dataDir();
        packages = data.packages();
        return Map.ofEntries(Map.entry("minedecl.data-dir", dataDir.toString()),
                Map.entry("micronaut.server.port", "-1"),
                Map.entry("micronaut.server.idle-timeout", "30s"),
                Map.entry("micronaut.server.read-idle-timeout", "1s"),
                Map.entry("minedecl.limits.concurrent-uploads", "2"),
                Map.entry("minedecl.limits.upload-queue-wait", "500ms"),
                Map.entry("minedecl.limits.min-upload-rate", "1000"),
                Map.entry("minedecl.limits.min-upload-rate-after", "1s"),
                Map.entry("minedecl.limits.header-timeout", "1500ms"),
                Map.entry("minedecl.limits.retry-after", "7s"),
                Map.entry("minedecl.limits.yield-below-rate", "1500"));
    }

    /** Sends {@code bytes} one at a time, {@code gapMs} apart, while the server keeps the connection; then reads. */
    private record Outcome(String answer, long millis) {
    }

    private Outcome trickle(byte[] first, byte[] slowly, long gapMs) throws IOException {
        long start = System.nanoTime();
        try (Socket s = new Socket(server.getHost(), server.getPort())) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(first);
                out.flush();
                for (byte b : slowly) {
                    Thread.sleep(gapMs);
                    out.write(b);
                    out.flush();
                    if ((System.nanoTime() - start) > 15_000_000_000L) {
                        break;
                    }
                }
            } catch (IOException closedByServer) {
                // the point: the server closed it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Outcome(readAll(s), (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static String readAll(Socket s) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            s.getInputStream().transferTo(answer);
        } catch (SocketTimeoutException stillOpen) {
            return answer.toString(StandardCharsets.ISO_8859_1) + "<still open>";
        } catch (IOException reset) {
            // closed
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aClientTricklingItsHeadersIsAnswered408AndClosedWithinTheHeaderTimeout() throws Exception {
        byte[] head = HEAD.getBytes(StandardCharsets.US_ASCII);

        Outcome o = trickle(new byte[0], head, 100); // 10 header bytes a second: the whole head would take 10 s

        assertThat(o.answer()).startsWith("HTTP/1.1 408").contains("REQUEST_TIMEOUT").doesNotContain("<still open>");
        assertThat(o.millis()).isBetween(1_000L, 5_000L);
    }

    @Test
    void aConnectionThatNeverSendsIsClosedAfterTheHeaderTimeout() throws Exception {
        Outcome o = trickle(new byte[0], new byte[0], 0);

        assertThat(o.answer()).doesNotContain("<still open>");
        assertThat(o.millis()).isLessThan(5_000L);
    }

    @Test
    void aClientSilentInTheMiddleOfItsBodyIsClosedAfterTheReadIdleTimeout() throws Exception {
        Map<String, Long> before = Rows.all(dataSource);
        long start = System.nanoTime();
        try (Socket s = new Socket(server.getHost(), server.getPort())) {
            s.setSoTimeout(15_000);
            s.getOutputStream().write(HEAD.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(new byte[100]);
            s.getOutputStream().flush();

            String answer = readAll(s);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(answer).doesNotContain("<still open>").doesNotStartWith("HTTP/1.1 2");
            assertThat(millis).isLessThan(5_000L);
        }
        assertThat(Rows.all(dataSource)).isEqualTo(before);
        waitForNoActiveUploads();
        assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
    }

    @Test
    void anUploadSlowerThanTheMinimumRateIs408UploadTooSlowWithNothingKept() throws Exception {
        Map<String, Long> before = Rows.all(dataSource);

        Outcome o = trickle(HEAD.getBytes(StandardCharsets.US_ASCII), new byte[100], 200); // 5 bytes a second

        assertThat(o.answer()).startsWith("HTTP/1.1 408").contains("\"code\":\"UPLOAD_TOO_SLOW\"")
                .doesNotContain("<still open>");
        assertThat(o.millis()).isBetween(1_000L, 5_000L);
        assertThat(Rows.all(dataSource)).isEqualTo(before);
        waitForNoActiveUploads();
        assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
    }

    @Test
    void uploadsBeyondThePlacesWaitBrieflyThenGet503WithRetryAfterAndHonestOnesPassOnceThereIsRoom()
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> holders = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                // fast enough to stay (2,000 bytes/s), never finished: each holds a place
                holders.add(pool.submit(() -> {
                    try (Socket s = new Socket(server.getHost(), server.getPort())) {
                        OutputStream out = s.getOutputStream();
                        out.write(HEAD.getBytes(StandardCharsets.US_ASCII));
                        while (!stop.get()) {
                            out.write(new byte[200]);
                            out.flush();
                            Thread.sleep(100);
                        }
                    }
                    return null;
                }));
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (spooler.active() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(spooler.active()).isEqualTo(2);

            long start = System.nanoTime();
            String third = rawUpload(packages.sign(Declarations.example()));
            long waited = (System.nanoTime() - start) / 1_000_000;

            assertThat(third).startsWith("HTTP/1.1 503").containsIgnoringCase("retry-after: 7")
                    .contains("\"code\":\"SERVER_BUSY\"");
            assertThat(waited).isBetween(400L, 3_000L);
        } finally {
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        waitForNoActiveUploads();
        Api.Answer honest = new Api(server.getURI()).upload(packages.sign(Declarations.example()));
        assertThat(honest.status()).as(honest.text()).isEqualTo(201);
    }

    @Test
    void anUploadWaitingForAPlaceTakesItFromAClientTricklingUnderTheYieldRate() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> tricklers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                // 1,200 bytes/s: above the minimum rate, under the yield rate
                tricklers.add(pool.submit(() -> {
                    try (Socket s = new Socket(server.getHost(), server.getPort())) {
                        s.setSoTimeout(15_000);
                        OutputStream out = s.getOutputStream();
                        try {
                            out.write(HEAD.getBytes(StandardCharsets.US_ASCII));
                            while (!stop.get()) {
                                out.write(new byte[120]);
                                out.flush();
                                Thread.sleep(100);
                            }
                        } catch (IOException closedByServer) {
                            // gave its place up
                        }
                        return readAll(s);
                    }
                }));
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (spooler.active() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(1200); // both have run a second

            Api.Answer honest = new Api(server.getURI()).upload(packages.sign(Declarations.example()));

            assertThat(honest.status()).as(honest.text()).isEqualTo(201);
            String yielded = null;
            for (long end = System.nanoTime() + 5_000_000_000L; yielded == null && System.nanoTime() < end; ) {
                for (Future<String> f : tricklers) {
                    if (f.isDone()) {
                        yielded = f.get();
                    }
                }
                Thread.sleep(20);
            }
            assertThat(yielded).startsWith("HTTP/1.1 503").contains("\"code\":\"SERVER_BUSY\"");
        } finally {
            stop.set(true);
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        waitForNoActiveUploads();
    }

    private String rawUpload(byte[] pkg) throws IOException {
        try (Socket s = new Socket(server.getHost(), server.getPort())) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/vnd.etsi.asic-e+zip"
                    + "\r\nContent-Length: " + pkg.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(pkg);
                out.flush();
            } catch (IOException answeredEarly) {
                // the 503 may come before the body is sent
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (IOException reset) {
                // closed after the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private void waitForNoActiveUploads() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (spooler.active() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(spooler.active()).isZero();
    }
}
