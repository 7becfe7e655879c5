package org.minedecl.server.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.minedecl.server.process.ServerProcess;
import org.minedecl.server.support.Declarations;
import org.minedecl.server.support.SignedPackages;
import org.minedecl.shared.bench.BenchmarkReport;
import org.minedecl.shared.pkg.PackageVerifier;
import org.minedecl.shared.pkg.VerificationReport;
import org.minedecl.shared.receipt.Receipt;
import org.minedecl.shared.receipt.ReceiptKeys;
import org.minedecl.shared.receipt.ReceiptSigner;

/**
 * Server ingest benchmark (README "Benchmarks"): the real server jar (-Xmx512m, embedded H2) takes N distinct
 * signed 64 KB packages from 32 concurrent clients; reported beside the ceiling of the same machine in the same
 * run (package verification + receipt signing alone, in process, on as many threads as cores), then 50 concurrent
 * 20 MB uploads to the same 512 MB server. Writes the "server" section of docs/benchmarks.md.
 */
public final class ServerBenchmark {
    private static final int CLIENTS = 32;
    private static final int SMALL = Integer.getInteger("bench.small", 1500);
    private static final int BIG = Integer.getInteger("bench.big", 50);
    /** Uploads the server takes before it is measured: at least (-Dbench.warmup) and at most (-Dbench.warmupMax). */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20000);
    private static final int WARMUP_MAX = Integer.getInteger("bench.warmupMax", 120000);
    /** The warm-up ends once the server's JIT compiler threads use at most this share of its CPU in a round. */
    private static final double JIT_SETTLED = 0.03;
    private static final int WARMUP_ROUND = 1000;
    private static String warmUpRounds = "";
    private static double ceilingCpuMs;
    /** KiB the server handed to write calls per package in the ingest run (temp file, database, answers). */
    private static double serverKbWritten;
    /** Packages the ceiling checks before it is measured, at least (-Dbench.ceilingWarmup). */
    private static final int CEILING_WARMUP = Integer.getInteger("bench.ceilingWarmup", 12000);
    /** The ceiling's rounds, for the report. */
    private static String ceilingRounds = "";
    private static double serverCpuMs;
    /** The part of {@link #serverCpuMs} spent in the kernel (network, files). */
    private static double serverSysMs;
    /** The part of {@link #serverCpuMs} its JIT compiler threads used. */
    private static double serverJitMs;
    private static Run ingest;
    private static long ingestHeap;
    private static double clientCpuMs;
    private static final int SUSTAINED = Integer.getInteger("bench.sustained", 6000);

    private ServerBenchmark() {
    }

    /**
     * Runs the benchmark in a temp directory, removed afterwards (a run leaves several GB there: the packages and
     * the database); {@code -Dbench.keep=true} keeps it, with the server log, for a look.
     */
    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("minedecl-bench");
        try {
            benchmark(root);
        } finally {
            if (Boolean.getBoolean("bench.keep")) {
                System.out.println("kept " + root);
            } else {
                deleteTree(root);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void benchmark(Path root) throws Exception {
        Path dataDir = root.resolve("data");
        SignedPackages small = new SignedPackages(root.resolve("small"), 60 * 1024);
        small.installTrust(dataDir.resolve("trust"));
        System.out.println("signing " + SMALL + " packages of ~64 KB ...");
        List<Path> smallPkgs = sign(small, root.resolve("small"), "p", SMALL);
        long pkgSize = Files.size(smallPkgs.get(0));

        double ceiling = ceiling(small, smallPkgs.subList(0, 600));
        System.out.printf("ceiling: %.1f packages/s (%s)%n", ceiling, ceilingRounds);
        String ceilingRoundsBefore = ceilingRounds;

        Path log = root.resolve("server.log");
        String smallResult;
        String bigResult;
        String sustainedResult;
        Map<String, String> env = new java.util.HashMap<>();
        if (System.getProperty("bench.checkThreads") != null) {
            env.put("MINEDECL_CHECK_THREADS", System.getProperty("bench.checkThreads"));
        }
        if (System.getProperty("bench.dbUrl") != null) { // e.g. to try H2 settings: DATA is the data directory
            env.put("DATASOURCES_DEFAULT_URL", System.getProperty("bench.dbUrl").replace("DATA", dataDir.toString()));
            if (System.getProperty("bench.dbUser") != null) { // e.g. postgres, for a PostgreSQL URL
                env.put("DATASOURCES_DEFAULT_USERNAME", System.getProperty("bench.dbUser"));
            }
        }
        try (ServerProcess server = ServerProcess.start(dataDir, "512m", env, log)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            warmUp(server, small, root.resolve("warm-up"));
            String jfr = System.getProperty("bench.jfr");
            if (jfr != null) { // profiling the measured run only: -Dbench.jfr=FILE
                jcmd(server.pid(), "JFR.start", "settings=" + System.getProperty("bench.jfrSettings", "default"),
                        "name=ingest");
            }
            double[] serverCpu0 = cpuTimes(server.pid());
            double jit0 = compilerCpuSeconds(server.pid());
            double clientCpu0 = ownCpuSeconds();
            long written0 = bytesWritten(server.pid());
            Run r = run(server.uri(), smallPkgs, CLIENTS);
            double[] serverCpu1 = cpuTimes(server.pid());
            serverKbWritten = written0 < 0 ? Double.NaN : (bytesWritten(server.pid()) - written0) / 1024.0 / SMALL;
            serverCpuMs = 1000 * (serverCpu1[0] + serverCpu1[1] - serverCpu0[0] - serverCpu0[1]) / SMALL;
            serverSysMs = 1000 * (serverCpu1[1] - serverCpu0[1]) / SMALL;
            serverJitMs = 1000 * Math.max(0, compilerCpuSeconds(server.pid()) - jit0) / SMALL;
            clientCpuMs = 1000 * (ownCpuSeconds() - clientCpu0) / SMALL;
            System.out.printf("CPU per package: server %.2f ms (%.2f ms of it in the kernel, %.2f ms compiling), load "
                    + "generator %.2f ms, ceiling %.2f ms; server wrote %.0f KiB per package%n", serverCpuMs,
                    serverSysMs, serverJitMs, clientCpuMs, ceilingCpuMs, serverKbWritten);
            long heap = heapUsedMiB(server.pid());
            if (jfr != null) {
                jcmd(server.pid(), "JFR.dump", "name=ingest", "filename=" + jfr);
                jcmd(server.pid(), "JFR.stop", "name=ingest");
            }
            ingest = r;
            ingestHeap = heap;
            System.out.printf("ingest: %.1f packages/s, p50 %.1f ms, p99 %.1f ms%n", r.throughput(), r.p(50), r.p(99));

            sustainedResult = SUSTAINED > 0 ? sustained(server, small, root, smallPkgs.get(0)) : "";
            System.out.print(sustainedResult);

            bigResult = BIG > 0 ? bigUploads(http, server, root, log) : "";
        }
        double ceilingAfter = ceiling(small, smallPkgs.subList(0, 600));
        System.out.printf("ceiling after the server runs: %.1f packages/s (%s)%n", ceilingAfter, ceilingRounds);
        Run r = ingest;
        smallResult = String.format("| ingest, %d clients, %d distinct %d-byte packages | %.1f packages/s | %.0f%% "
                + "/ %.0f%% | p50 %.1f ms, p99 %.1f ms | %d accepted, %d other | %s |%n", CLIENTS, SMALL, pkgSize,
                r.throughput(), 100 * r.throughput() / ceiling, 100 * r.throughput() / ceilingAfter, r.p(50),
                r.p(99), r.ok, r.other, ingestHeap < 0 ? "n/a" : ingestHeap + " MiB used after the run");
        System.out.print(smallResult);
        BenchmarkReport.writeSection("server", "Server ingest (POST /api/v1/submissions)",
                "The shaded server jar as its own process (`-Xmx512m -XX:+UseSerialGC`, embedded H2 in a temp data "
                + "directory, WRITE_DELAY=0), driven over HTTP from this JVM on the same machine (one kept-alive "
                + "connection per client), measured after a warm-up of " + warmUpRounds + ". The ceiling is "
                + "package verification (ZIP, manifest digests, CAdES signature, chain, CRLs) plus receipt signing "
                + "in process on " + Runtime.getRuntime().availableProcessors() + " threads, no HTTP, no database: "
                + String.format("**%.1f packages/s** (measured before the server started; %.1f after it stopped)",
                        ceiling, ceilingAfter) + ", each the median of three rounds once two warm-up rounds in a "
                + "row agreed within 5% with at most 3% of the CPU compiling (at least " + CEILING_WARMUP
                + " packages). Rounds in packages/s, before: "
                + ceilingRoundsBefore + "; after: " + ceilingRounds + ".\n\n"
                + "| load | throughput | share of the ceiling before / after | latency | answers | server heap |\n"
                + "|---|---|---|---|---|---|\n" + smallResult + bigResult
                + String.format("%nCPU per 64 KB package in the ingest run: server %.2f ms (%.2f ms of it in the "
                        + "kernel: network and files; %.2f ms in its JIT compiler threads), load generator %.2f ms "
                        + "(the in-process ceiling: %.2f ms, measured after its warm-up). The server wrote %.0f KiB "
                        + "per package (temp file, database, answer).%n", serverCpuMs, serverSysMs, serverJitMs,
                        clientCpuMs, ceilingCpuMs, serverKbWritten)
                + "\nTargets: ingest >= 50% of the ceiling and p99 < 200 ms at 32 clients; 50 concurrent 20 MB "
                + "uploads under a 512 MB heap without running out of memory.\n\n" + sustainedResult);
    }

    /** {@link #BIG} concurrent uploads of 20 MB packages to the 512 MB server: the table row, with the heap after. */
    private static String bigUploads(HttpClient http, ServerProcess server, Path root, Path log) throws Exception {
        SignedPackages big = new SignedPackages(root.resolve("big"), 20 * 1024 * 1024);
        System.out.println("signing " + BIG + " packages of ~20 MB ...");
        List<Path> bigPkgs = new ArrayList<>();
        for (int i = 0; i < BIG; i++) {
            bigPkgs.add(big.signTo(Declarations.example(), root.resolve("big/p" + i + ".asice")));
        }
        Run b = run(server.uri(), bigPkgs, BIG);
        long bigHeap = heapUsedMiB(server.pid());
        boolean alive = isAlive(http, server.uri());
        String bigResult = String.format("| %d concurrent uploads of %d bytes, server -Xmx512m | %.2f packages/s "
                + "(%.0f MB/s) | | p50 %.0f ms, p99 %.0f ms | %d accepted, %d other; server %s | %s |%n", BIG,
                Files.size(bigPkgs.get(0)), b.throughput(), b.throughput() * Files.size(bigPkgs.get(0)) / 1e6,
                b.p(50), b.p(99), b.ok, b.other, alive ? "alive, no OutOfMemoryError" : "NOT ANSWERING",
                bigHeap < 0 ? "n/a" : bigHeap + " MiB used after the run");
        System.out.print(bigResult);
        if (Files.readString(log).contains("OutOfMemoryError")) {
            bigResult += "\nThe server log shows an OutOfMemoryError.\n";
        }
        return bigResult;
    }

    /**
     * Uploads rounds of {@link #WARMUP_ROUND} fresh packages until at least {@link #WARMUP} have gone in, the
     * server's JIT compiler threads used at most {@link #JIT_SETTLED} of its CPU in the last round, and the CPU per
     * package of two rounds in a row agrees within 7% (at most {@link #WARMUP_MAX} uploads). A server of this size
     * keeps its C2 compiler busy for tens of thousands of uploads on 2 shared cores (a method called once per upload
     * reaches C2's thresholds only after thousands of them, and about 9,000 methods get compiled); until it is done,
     * the compilations are up to a third of the server's CPU and its CPU per package falls slowly, from round to round
     * by less than the noise, so a settled CPU per package alone does not show that the JIT is done. A production
     * server that runs for days is measured only after it is.
     */
    private static void warmUp(ServerProcess server, SignedPackages pkgs, Path dir) throws Exception {
        int warmed = 0;
        double previous = 0;
        List<String> rounds = new ArrayList<>();
        while (true) {
            List<Path> batch = sign(pkgs, dir, "w" + warmed + "-", WARMUP_ROUND);
            double cpu0 = cpuSeconds(server.pid());
            double jit0 = compilerCpuSeconds(server.pid());
            run(server.uri(), batch, CLIENTS);
            double cpu = cpuSeconds(server.pid()) - cpu0;
            double jitShare = Math.max(0, compilerCpuSeconds(server.pid()) - jit0) / cpu;
            double cpuMs = 1000 * cpu / batch.size();
            for (Path p : batch) {
                Files.delete(p);
            }
            warmed += batch.size();
            rounds.add(String.format("%.2f (JIT %.0f%%)", cpuMs, 100 * jitShare));
            boolean settled = previous > 0 && Math.abs(cpuMs - previous) <= 0.07 * previous
                    && jitShare <= JIT_SETTLED;
            previous = cpuMs;
            System.out.println("warm-up: " + warmed + " uploads, server CPU ms per package (share of it compiling): "
                    + rounds.get(rounds.size() - 1));
            if (warmed >= WARMUP && settled || warmed >= WARMUP_MAX) {
                warmUpRounds = warmed + " uploads (" + (settled ? "the JIT was done" : "**the JIT was not done**")
                        + "); server CPU ms per package by round of " + WARMUP_ROUND + ", with the share of it its "
                        + "JIT compiler threads used: " + String.join(", ", rounds);
                return;
            }
        }
    }

    /** {@code n} distinct signed packages of the example, signed on as many threads as there are cores. */
    private static List<Path> sign(SignedPackages pkgs, Path dir, String prefix, int n) throws Exception {
        Files.createDirectories(dir);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<Path>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Path out = dir.resolve(prefix + i + ".asice");
                fs.add(pool.submit(() -> pkgs.signTo(Declarations.example(), out)));
            }
            List<Path> out = new ArrayList<>();
            for (Future<Path> f : fs) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Package verification + receipt signing in process on as many threads as cores, once the JIT has settled:
     * rounds over {@code files} repeat until at least {@link #CEILING_WARMUP} packages have been checked and two
     * rounds in a row agree within 5%, the second with at most {@link #JIT_SETTLED} of this JVM's CPU in its JIT
     * compiler threads (at most 4 x {@link #CEILING_WARMUP}); then three measured rounds, of which the median is the
     * ceiling. (Measured
     * after only a few hundred packages, as before, it came out at a quarter of what the machine does once
     * compiled.) Sets {@link #ceilingCpuMs} from the measured rounds.
     */
    private static double ceiling(SignedPackages pkgs, List<Path> files) throws Exception {
        ReceiptKeys keys = ReceiptKeys.generate("bench", Instant.now());
        ReceiptSigner signer = new ReceiptSigner(keys.privateKey(), keys.certificate());
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int warmed = 0;
            double previous = 0;
            List<String> rounds = new ArrayList<>();
            long self = ProcessHandle.current().pid();
            while (true) {
                double cpu0 = ownCpuSeconds();
                double jit0 = compilerCpuSeconds(self);
                double rate = ceilingRound(pkgs, files, signer, pool, threads);
                double jitShare = Math.max(0, compilerCpuSeconds(self) - jit0) / (ownCpuSeconds() - cpu0);
                warmed += files.size();
                rounds.add(String.format("%.0f", rate));
                boolean settled = previous > 0 && Math.abs(rate - previous) <= 0.05 * previous
                        && jitShare <= JIT_SETTLED;
                previous = rate;
                if (warmed >= CEILING_WARMUP && settled || warmed >= 4 * CEILING_WARMUP) {
                    break;
                }
            }
            double cpu0 = ownCpuSeconds();
            double[] measured = new double[3];
            for (int i = 0; i < measured.length; i++) {
                measured[i] = ceilingRound(pkgs, files, signer, pool, threads);
            }
            ceilingCpuMs = 1000 * (ownCpuSeconds() - cpu0) / (measured.length * files.size());
            java.util.Arrays.sort(measured);
            ceilingRounds = "warm-up rounds " + String.join(", ", rounds) + "; measured "
                    + String.format("%.0f, %.0f, %.0f", measured[0], measured[1], measured[2]);
            return measured[1];
        } finally {
            pool.shutdownNow();
        }
    }

    /** One pass over {@code files} on {@code threads} threads; packages per second. */
    private static double ceilingRound(SignedPackages pkgs, List<Path> files, ReceiptSigner signer,
                                       ExecutorService pool, int threads) throws Exception {
        ConcurrentLinkedQueue<Path> queue = new ConcurrentLinkedQueue<>(files);
        // one policy (trust anchor + CRLs) per round, as the server reads its trust directory once
        org.minedecl.shared.pkg.VerificationPolicy policy = pkgs.pki().policy(Instant.now());
        AtomicInteger valid = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                for (Path p; (p = queue.poll()) != null; ) {
                    VerificationReport r = new PackageVerifier(policy).verify(p);
                    if (r.valid()) {
                        valid.incrementAndGet();
                    }
                    signer.sign(new Receipt("r", "00", "2026Q3", "u", "l", "140525", Instant.now(),
                            Receipt.Status.ACCEPTED, List.of(), null, List.of(), null));
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (valid.get() != files.size()) {
            throw new IllegalStateException("only " + valid.get() + " of " + files.size() + " verified");
        }
        return files.size() / seconds;
    }

    /** The answers of one load run: latency and completion time of each upload, and how many got what. */
    static final class Run {
        final List<double[]> done = Collections.synchronizedList(new ArrayList<>()); // {end s, latency ms}
        int ok;
        int other;
        double seconds;

        double throughput() {
            return (ok + other) / seconds;
        }

        double p(int pct) {
            List<Double> s = new ArrayList<>();
            new ArrayList<>(done).forEach(d -> s.add(d[1]));
            Collections.sort(s);
            return s.isEmpty() ? 0 : s.get(Math.min(s.size() - 1, (int) Math.ceil(pct / 100.0 * s.size()) - 1));
        }
    }

    /** Uploads each file once, from {@code clients} threads; every one must be accepted (201). */
    private static Run run(URI base, List<Path> files, int clients) throws Exception {
        return runUploads(base, files.stream().map(f -> new Upload(f, 201)).toList(), clients);
    }

    /**
     * Uploads each once from {@code clients} threads. An expected status of 0 means any 400 or 422. {@code ok}
     * counts the answers as expected.
     */
    private static Run runUploads(URI base, List<Upload> uploads, int clients) throws Exception {
        Run run = new Run();
        ConcurrentLinkedQueue<Upload> queue = new ConcurrentLinkedQueue<>(uploads);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            fs.add(pool.submit(() -> {
                try (BenchHttp client = new BenchHttp(base)) {
                    for (Upload u; (u = queue.poll()) != null; ) {
                        long t0 = System.nanoTime();
                        BenchHttp.Answer r = client.post("/api/v1/submissions", u.file(),
                                "application/vnd.etsi.asic-e+zip");
                        long t1 = System.nanoTime();
                        run.done.add(new double[] {(t1 - start) / 1e9, (t1 - t0) / 1e6});
                        boolean expected = u.expected() == 0 ? r.status() == 400 || r.status() == 422
                                : r.status() == u.expected();
                        if (expected) {
                            ok.incrementAndGet();
                        } else {
                            other.incrementAndGet();
                            System.out.println("unexpected " + r.status() + " for " + u.file().getFileName() + ": "
                                    + r.body());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        run.seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        run.ok = ok.get();
        run.other = other.get();
        return run;
    }

    /** One upload of the sustained run and the status it must get. */
    record Upload(Path file, int expected) {
    }

    /**
     * SECURITY-TESTS D4: {@link #SUSTAINED} uploads from 32 clients, one in ten hostile (a changed byte, an
     * untrusted signer, a JSON bomb, random bytes, a replay); throughput and p99 per sixth of the run, and the
     * server's heap (after a GC), open files and threads before and after.
     */
    private static String sustained(ServerProcess server, SignedPackages pkgs, Path root,
                                    Path accepted) throws Exception {
        Path dir = Files.createDirectories(root.resolve("sustained"));
        byte[] good = Files.readAllBytes(accepted);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        byte[] random = new byte[good.length];
        new java.util.Random(3).nextBytes(random);
        List<Upload> hostile = List.of(
                new Upload(Files.write(dir.resolve("flipped.asice"), flipped), 0),
                new Upload(Files.write(dir.resolve("untrusted.asice"), pkgs.sign(Declarations.example().json()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), org.minedecl.shared.testpki.TestPki
                        .other(org.minedecl.shared.testpki.TestPki.KeyAlg.EC).leaf().build())), 422),
                new Upload(Files.write(dir.resolve("bomb.asice"), pkgs.sign(("[".repeat(5000) + "]".repeat(5000))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), pkgs.leaf())), 400),
                new Upload(Files.write(dir.resolve("random.asice"), random), 400),
                new Upload(accepted, 200));
        System.out.println("signing " + SUSTAINED + " packages for the sustained run ...");
        List<Upload> uploads = new ArrayList<>();
        for (int i = 0; i < SUSTAINED; i++) {
            uploads.add(i % 10 == 9 ? hostile.get((i / 10) % hostile.size())
                    : new Upload(pkgs.signTo(Declarations.example(), dir.resolve("s" + i + ".asice")), 201));
        }
        long[] before = resources(server.pid());
        Run run = runUploads(server.uri(), uploads, CLIENTS);
        long[] after = resources(server.pid());
        List<double[]> sorted = new ArrayList<>(run.done);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        StringBuilder out = new StringBuilder("Sustained mixed load (SECURITY-TESTS D4): " + SUSTAINED
                + " uploads from " + CLIENTS + " clients, one in ten hostile (changed byte, untrusted signer, JSON "
                + "bomb, random bytes, replay); " + run.ok + " of " + SUSTAINED
                + " answered with the expected status.\n\n| part of the run | uploads | throughput | p50 | p99 |\n"
                + "|---|---|---|---|---|\n");
        int parts = 6;
        double prevEnd = 0;
        for (int k = 0; k < parts; k++) {
            List<double[]> w = sorted.subList(k * sorted.size() / parts, (k + 1) * sorted.size() / parts);
            double end = w.get(w.size() - 1)[0];
            List<Double> lat = new ArrayList<>();
            w.forEach(x -> lat.add(x[1]));
            Collections.sort(lat);
            out.append(String.format("| %d/%d | %d | %.1f /s | %.0f ms | %.0f ms |%n", k + 1, parts, w.size(),
                    w.size() / (end - prevEnd), lat.get(lat.size() / 2),
                    lat.get(Math.min(lat.size() - 1, (int) Math.ceil(0.99 * lat.size()) - 1))));
            prevEnd = end;
        }
        out.append(String.format("%nServer before -> after: heap after a full GC %d -> %d MiB, open files %d -> %d, "
                + "threads %d -> %d.%n", before[0], after[0], before[1], after[1], before[2], after[2]));
        return out.toString();
    }

    /** Heap used after a full GC (MiB), open file descriptors and threads of a process (-1 when unknown). */
    private static long[] resources(long pid) {
        long heap = -1;
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run").start().waitFor();
            heap = heapUsedMiB(pid);
        } catch (Exception ignored) {
            // reported as -1
        }
        long fds = -1;
        long threads = -1;
        try (java.util.stream.Stream<Path> s = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds = s.count();
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Threads:")) {
                    threads = Long.parseLong(line.substring(8).strip());
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // reported as -1
        }
        return new long[] {heap, fds, threads};
    }

    private static boolean isAlive(HttpClient http, URI base) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        cmd.addAll(List.of(command));
        new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    /**
     * {user, system} CPU seconds a process has used so far, from one read of /proc/PID/stat (utime and stime, in
     * clock ticks of USER_HZ = 100); NaNs where there is no /proc.
     */
    private static double[] cpuTimes(long pid) {
        try {
            return cpuTimes(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** {user, system} CPU seconds from the text of a /proc stat file (of a process or of one of its threads). */
    private static double[] cpuTimes(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new double[] {Long.parseLong(f[11]) / 100.0, Long.parseLong(f[12]) / 100.0};
    }

    /** Bytes a process has handed to write calls so far (files and sockets; /proc/PID/io wchar), or -1. */
    private static long bytesWritten(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/io"))) {
                if (line.startsWith("wchar:")) {
                    return Long.parseLong(line.substring(6).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not ours to read
        }
        return -1;
    }

    /**
     * CPU seconds (user + system) the JIT compiler threads of a JVM process have used so far, from
     * /proc/PID/task/TID/stat of the threads named "C1 CompilerThre..." and "C2 CompilerThre..."; 0 where there is
     * no /proc. (A compiler thread that the JVM ends takes its seconds with it; rounds clamp at 0.)
     */
    static double compilerCpuSeconds(long pid) {
        double seconds = 0;
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        double[] t = cpuTimes(stat);
                        seconds += t[0] + t[1];
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return seconds;
    }

    /** CPU seconds (user + system) a process has used so far; NaN where there is no /proc. */
    private static double cpuSeconds(long pid) {
        double[] t = cpuTimes(pid);
        return t[0] + t[1];
    }

    private static double ownCpuSeconds() {
        return cpuSeconds(ProcessHandle.current().pid());
    }

    /** Heap in use in the server process after a full GC (jcmd GC.heap_info), or -1 when jcmd is unavailable. */
    private static long heapUsedMiB(long pid) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info").start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            long used = 0;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
            while (m.find()) {
                used += Long.parseLong(m.group(1));
            }
            return used == 0 ? -1 : used / 1024;
        } catch (Exception e) {
            return -1;
        }
    }
}
