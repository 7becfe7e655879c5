package org.minedecl.server.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.minedecl.server.process.ServerProcess;
import org.minedecl.server.support.Declarations;
import org.minedecl.server.support.SignedPackages;
import org.minedecl.shared.bench.BenchmarkReport;
import org.minedecl.shared.testpki.TestPki;

/**
 * SECURITY-TESTS D4 with slow clients (issue 15, point 7): the server jar with its default limits takes honest
 * uploads, hostile packages and reads throughout; in the middle phase 300 slow clients join (a third trickling
 * their headers, a third trickling their body a byte a second, a third silent after 100 body bytes), each
 * connecting again a second after it was cut off. Per phase: honest uploads accepted and refused, their p50/p99,
 * the slow clients' cut-offs, and the server's threads, open files (highest seen, sampled each second) and heap
 * after a full GC. Small on purpose: {@code -Dbench.phase=SECONDS} (default 40), {@code -Dbench.slow=N} (300).
 */
public final class MixedLoadBenchmark {
    private static final int PHASE = Integer.getInteger("bench.phase", 40);
    private static final int SLOW = Integer.getInteger("bench.slow", 300);
    private static final int HONEST_CLIENTS = 4;
    private static final String HEAD = "POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: "
            + "application/vnd.etsi.asic-e+zip\r\nContent-Length: 65536\r\n\r\n";

    private MixedLoadBenchmark() {
    }

    /** One phase's tallies. */
    private static final class Phase {
        final String name;
        final ConcurrentLinkedQueue<Double> honestMs = new ConcurrentLinkedQueue<>();
        final Map<Integer, AtomicInteger> honestStatus = new ConcurrentHashMap<>();
        final AtomicInteger hostileExpected = new AtomicInteger();
        final AtomicInteger hostileOther = new AtomicInteger();
        final AtomicInteger readsOk = new AtomicInteger();
        final AtomicInteger readsOther = new AtomicInteger();
        final Map<String, AtomicInteger> slowEnds = new ConcurrentHashMap<>();
        long maxThreads;
        long maxFds;
        long heapAfter;

        Phase(String name) {
            this.name = name;
        }
    }

    private static volatile Phase current;

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("minedecl-mixed");
        try {
            run(root);
        } finally {
            try (var all = Files.walk(root)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(Path root) throws Exception {
        Path dataDir = root.resolve("data");
        SignedPackages pkgs = new SignedPackages(root.resolve("work"));
        pkgs.installTrust(dataDir.resolve("trust"));
        byte[] good = pkgs.sign(Declarations.example());
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        byte[] random = new byte[good.length];
        new java.util.Random(3).nextBytes(random);
        List<byte[]> hostile = List.of(flipped, random,
                pkgs.sign(Declarations.example().json().getBytes(StandardCharsets.UTF_8),
                        TestPki.other(TestPki.KeyAlg.EC).leaf().build()),
                pkgs.sign(("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8), pkgs.leaf()));
        List<Integer> hostileStatus = List.of(400, 400, 422, 400);
        System.out.println("signing honest packages ...");
        ConcurrentLinkedQueue<byte[]> honest = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 6000; i++) {
            honest.add(pkgs.sign(Declarations.example()));
        }
        Path log = root.resolve("server.log");
        try (ServerProcess server = ServerProcess.start(dataDir, "256m", Map.of(), log)) {
            URI base = server.uri();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String receiptId = receiptOf(http, base, good);
            List<Phase> phases = List.of(new Phase("honest, hostile and reads"),
                    new Phase("the same + " + SLOW + " slow clients"), new Phase("slow clients gone"));
            current = phases.get(0);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean slowOn = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < HONEST_CLIENTS; c++) {
                int client = c;
                threads.add(daemon(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        Phase p = current;
                        n++;
                        if (n % 10 == 0) {
                            int k = (client + n / 10) % hostile.size();
                            int status = post(http, base, hostile.get(k));
                            (status == hostileStatus.get(k) ? p.hostileExpected : p.hostileOther).incrementAndGet();
                            continue;
                        }
                        byte[] pkg = honest.poll();
                        if (pkg == null) {
                            pause(100);
                            continue;
                        }
                        long t0 = System.nanoTime();
                        int status = post(http, base, pkg);
                        p.honestStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        if (status == 201) {
                            p.honestMs.add((System.nanoTime() - t0) / 1e6);
                        }
                        pause(80); // about 40 honest uploads a second in all: a busy county office, not a flood
                    }
                }));
            }
            threads.add(daemon(() -> {
                while (!stop.get()) {
                    Phase p = current;
                    boolean ok = get(http, base, "/api/v1/submissions?size=20") == 200
                            && get(http, base, "/api/v1/submissions/" + receiptId + "/receipt") == 200
                            && get(http, base, "/api/v1/submissions/" + receiptId + "/package") == 200;
                    (ok ? p.readsOk : p.readsOther).incrementAndGet();
                    pause(50);
                }
            }));
            for (int s = 0; s < SLOW; s++) {
                int kind = s % 3;
                threads.add(daemon(() -> {
                    while (!stop.get()) {
                        if (!slowOn.get()) {
                            pause(200);
                            continue;
                        }
                        String end = slowClient(server, kind, slowOn);
                        current.slowEnds.computeIfAbsent(end, e -> new AtomicInteger()).incrementAndGet();
                        pause(1000);
                    }
                }));
            }
            long[] start = resources(server.pid(), true);
            for (Phase p : phases) {
                current = p;
                slowOn.set(p == phases.get(1));
                System.out.println("phase: " + p.name);
                long end = System.nanoTime() + PHASE * 1_000_000_000L;
                while (System.nanoTime() < end) {
                    long[] r = resources(server.pid(), false);
                    p.maxThreads = Math.max(p.maxThreads, r[2]);
                    p.maxFds = Math.max(p.maxFds, r[1]);
                    pause(1000);
                }
                slowOn.set(false);
                p.heapAfter = resources(server.pid(), true)[0];
            }
            stop.set(true);
            String md = report(phases, start, honest.size());
            System.out.println(md);
            BenchmarkReport.writeSection("mixed", "Sustained mixed load with slow clients (SECURITY-TESTS D4)", md);
        }
    }

    /** One slow client: 0 trickles its headers, 1 its body (a byte a second), 2 falls silent in its body. */
    private static String slowClient(ServerProcess server, int kind, AtomicBoolean on) {
        long t0 = System.nanoTime();
        try (Socket s = new Socket("127.0.0.1", server.uri().getPort())) {
            s.setSoTimeout(120_000);
            OutputStream out = s.getOutputStream();
            byte[] head = HEAD.getBytes(StandardCharsets.US_ASCII);
            try {
                if (kind == 0) {
                    for (byte b : head) {
                        out.write(b);
                        out.flush();
                        pause(1000);
                        if (!on.get()) {
                            return "stopped";
                        }
                    }
                } else {
                    out.write(head);
                    out.write(new byte[100]);
                    out.flush();
                    while (kind == 1 && on.get()) {
                        pause(1000);
                        out.write(0);
                        out.flush();
                    }
                }
            } catch (IOException cut) {
                // cut off while sending
            }
            byte[] answer = new byte[12];
            int n = s.getInputStream().readNBytes(answer, 0, answer.length);
            String kindName = kind == 0 ? "headers" : kind == 1 ? "body" : "silent";
            String status = n >= 12 ? new String(answer, 9, 3, StandardCharsets.US_ASCII) : "closed";
            return kindName + " " + status + " after ~" + Math.round((System.nanoTime() - t0) / 1e9 / 5) * 5 + " s";
        } catch (IOException e) {
            return "error " + e.getClass().getSimpleName();
        }
    }

    private static String report(List<Phase> phases, long[] start, int left) {
        StringBuilder md = new StringBuilder();
        md.append("The server jar (`-Xmx256m`, its default limits, embedded H2) gets, throughout, honest uploads "
                        + "from ").append(HONEST_CLIENTS).append(" clients (about 40 a second, one in ten of their "
                        + "uploads hostile: a changed byte, random bytes, an untrusted signer, a JSON bomb) and a "
                        + "reader (list, receipt, package). In the middle phase ").append(SLOW)
                .append(" slow clients join: a third trickle their headers a byte a second, a third their body "
                        + "a byte a second, a third fall silent after 100 body bytes; each connects again a second "
                        + "after it is cut off. Each phase lasts ").append(PHASE).append(" s. Threads and open files "
                        + "are the highest seen (sampled each second); heap is after a full GC at the end of the "
                        + "phase. Server at the start: ").append(start[2]).append(" threads, ").append(start[1])
                .append(" open files, heap ").append(start[0]).append(" MiB.\n\n")
                .append("| phase | honest accepted | honest other answers | honest p50 / p99 | hostile as expected "
                        + "/ other | reads ok / other | threads (max) | open files (max) | heap after GC |\n")
                .append("|---|---:|---|---|---|---|---:|---:|---:|\n");
        for (Phase p : phases) {
            List<Double> ms = new ArrayList<>(p.honestMs);
            Collections.sort(ms);
            String lat = ms.isEmpty() ? "-" : String.format("%.0f / %.0f ms", ms.get(ms.size() / 2),
                    ms.get(Math.min(ms.size() - 1, (int) Math.ceil(0.99 * ms.size()) - 1)));
            StringBuilder other = new StringBuilder();
            p.honestStatus.forEach((status, n) -> {
                if (status != 201) {
                    other.append(other.length() == 0 ? "" : ", ").append(n.get()).append(" x ").append(status);
                }
            });
            md.append(String.format("| %s | %d | %s | %s | %d / %d | %d / %d | %d | %d | %d MiB |%n", p.name,
                    p.honestStatus.getOrDefault(201, new AtomicInteger()).get(),
                    other.length() == 0 ? "none" : other, lat, p.hostileExpected.get(), p.hostileOther.get(),
                    p.readsOk.get(), p.readsOther.get(), p.maxThreads, p.maxFds, p.heapAfter));
        }
        Phase slow = phases.get(1);
        List<String> ends = new ArrayList<>();
        slow.slowEnds.forEach((e, n) -> ends.add(n.get() + " x " + e));
        Collections.sort(ends);
        md.append("\nHow the slow clients' connections ended in the middle phase (status line, or closed without "
                + "one): ").append(String.join("; ", ends)).append(".\n");
        return md.toString();
    }

    private static int post(HttpClient http, URI base, byte[] pkg) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/api/v1/submissions"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/vnd.etsi.asic-e+zip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(pkg)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int get(HttpClient http, URI base, String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String receiptOf(HttpClient http, URI base, byte[] pkg) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/submissions"))
                .header("Content-Type", "application/vnd.etsi.asic-e+zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pkg)).build(), HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        int i = body.indexOf("\"receiptId\":\"");
        return body.substring(i + 13, body.indexOf('"', i + 13));
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Heap used (MiB, after a full GC when asked, else -1), open file descriptors and threads of a process. */
    private static long[] resources(long pid, boolean heap) {
        long used = -1;
        if (heap) {
            try {
                String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
                new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").start().waitFor();
                Process p = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info").redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
                long k = 0;
                while (m.find()) {
                    k += Long.parseLong(m.group(1));
                }
                used = k / 1024;
            } catch (Exception ignored) {
                // -1
            }
        }
        long fds = -1;
        long threads = -1;
        try (var s = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds = s.count();
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Threads:")) {
                    threads = Long.parseLong(line.substring(8).strip());
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // -1
        }
        return new long[] {used, fds, threads};
    }
}
