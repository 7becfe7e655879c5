package org.minedecl.client.app.signing;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.ProgressListener;
import org.minedecl.client.app.drafts.AttachmentFiles;
import org.minedecl.client.app.drafts.Draft;
import org.minedecl.client.app.drafts.DraftFiling;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.client.app.submission.Outbox;
import org.minedecl.shared.bench.BenchmarkReport;
import org.minedecl.shared.declaration.AttachmentKind;
import org.minedecl.shared.signature.SigningCredential;
import org.minedecl.shared.testpki.TestPki;

/**
 * Signing a desktop draft with 50 MB of attachments ({@link DraftFiling#sign}: the package written, forced to disk
 * and moved into place) against SHA-256 of the same attachment files read from disk, alternating rounds in one
 * run; the heap while doing either (sampled every millisecond) and the bytes the thread allocated, for 10 MB and
 * 50 MB of attachments. Writes its section of docs/benchmarks.md. Target: at most 1.5x, heap flat.
 */
public final class SigningBenchmark {
    static final int ROUNDS = 7;
    static final int FILE_MB = 10;

    private SigningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("signing-bench");
        try {
            run(home);
        } finally {
            try (var s = Files.walk(home)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A draft of the example declaration with {@code files} PDF attachments of {@link #FILE_MB} MB each. */
    static Draft draft(DraftStore store, int files, Path scratch) throws Exception {
        Draft d = store.importFile(BenchmarkReport.docFile().resolveSibling("examples/declaration-zezhou-2026Q3.json"));
        d.document().root().remove("attachments");
        Random random = new Random(files);
        AttachmentFiles att = new AttachmentFiles(store);
        for (int i = 0; i < files; i++) {
            byte[] b = new byte[FILE_MB << 20];
            random.nextBytes(b);
            System.arraycopy("%PDF-1.7\n".getBytes(), 0, b, 0, 9);
            Path f = scratch.resolve("scan-" + files + "-" + i + ".pdf");
            Files.write(f, b);
            att.add(d.id(), d.document(), f, i == 0 ? AttachmentKind.MINING_LICENCE
                    : i == 1 ? AttachmentKind.FUND_DEPOSIT_SLIP : AttachmentKind.OTHER);
            Files.delete(f);
        }
        store.save(d.id(), d.document());
        return d;
    }

    static byte[] sha256(List<Path> files) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 16];
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            }
        }
        return md.digest();
    }

    /** Highest used heap seen while a step runs, sampled every millisecond by another thread. */
    static final class HeapSampler implements AutoCloseable {
        final MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        final AtomicLong peak = new AtomicLong();
        final long baseline;
        volatile boolean stop;
        final Thread t;

        HeapSampler() {
            System.gc();
            baseline = mem.getHeapMemoryUsage().getUsed();
            t = new Thread(() -> {
                while (!stop) {
                    peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        double peakAboveMiB() {
            return Math.max(0, peak.get() - baseline) / 1048576.0;
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            t.join();
        }
    }

    static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    record Step(long nanos, double peakMiB, double allocMiB) {
    }

    static Step timeSign(DraftFiling filing, Draft d, SigningCredential cred) throws Exception {
        Preparation p = filing.prepare(d.id(), d.document(), null);
        if (!(p instanceof Preparation.Ready ready)) {
            throw new IllegalStateException("not signable: " + p);
        }
        try (HeapSampler h = new HeapSampler()) {
            long a0 = allocated();
            long t0 = System.nanoTime();
            filing.sign(d.id(), ready, cred, ProgressListener.NONE);
            long t = System.nanoTime() - t0;
            h.close();
            return new Step(t, h.peakAboveMiB(), (allocated() - a0) / 1048576.0);
        }
    }

    static Step timeSha(List<Path> files) throws Exception {
        try (HeapSampler h = new HeapSampler()) {
            long a0 = allocated();
            long t0 = System.nanoTime();
            byte[] digest = sha256(files);
            long t = System.nanoTime() - t0;
            h.close();
            if (digest.length != 32) {
                throw new IllegalStateException();
            }
            return new Step(t, h.peakAboveMiB(), (allocated() - a0) / 1048576.0);
        }
    }

    /** The disk's part alone: the same bytes copied into one file and forced to disk, no hashing. */
    static Step timeWrite(List<Path> files, Path out) throws Exception {
        long t0 = System.nanoTime();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(out,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Path f : files) {
                try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(f)) {
                    long pos = 0;
                    long size = in.size();
                    while (pos < size) {
                        pos += in.transferTo(pos, size - pos, ch);
                    }
                }
            }
            ch.force(true);
        }
        long t = System.nanoTime() - t0;
        Files.delete(out);
        return new Step(t, 0, 0);
    }

    static void run(Path home) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-10-08T02:00:00Z"), ZoneOffset.UTC);
        DraftStore store = new DraftStore(home, clock);
        DraftFiling filing = new DraftFiling(store, SigningService.standard(BusinessClock.of(clock)),
                new Outbox(home.resolve("outbox"), BusinessClock.of(clock)));
        SigningCredential cred = TestPki.get(TestPki.KeyAlg.EC).leaf().build().credential();
        Path scratch = Files.createDirectories(home.resolve("scratch"));
        Draft small = draft(store, 1, scratch);
        Draft large = draft(store, 5, scratch);
        List<Path> largeFiles;
        try (var s = Files.list(store.attachmentsDir(large.id()))) {
            largeFiles = s.sorted().toList();
        }
        // warm-up: the JIT, the page cache
        for (int i = 0; i < 3; i++) {
            timeSha(largeFiles);
            timeSign(filing, large, cred);
            timeSign(filing, small, cred);
        }
        List<Step> sha = new ArrayList<>();
        List<Step> sign = new ArrayList<>();
        List<Step> signSmall = new ArrayList<>();
        List<Step> write = new ArrayList<>();
        double[] ratios = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            Step h = timeSha(largeFiles);
            Step s = timeSign(filing, large, cred);
            sha.add(h);
            sign.add(s);
            signSmall.add(timeSign(filing, small, cred));
            write.add(timeWrite(largeFiles, home.resolve("copy.bin")));
            ratios[r] = (double) s.nanos() / h.nanos();
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        double ratio = sorted[ROUNDS / 2];
        long bytes = 0;
        for (Path f : largeFiles) {
            bytes += Files.size(f);
        }
        StringBuilder md = new StringBuilder();
        md.append("The desktop's signing path (`DraftFiling.sign` -> `SigningService.sign` -> `PackageWriter`: every "
                + "attachment hashed and copied into the stored ZIP, the package forced to disk and moved into place; "
                + "EC P-256 key) for a draft with ").append(largeFiles.size()).append(" PDF attachments of ")
                .append(FILE_MB).append(" MB (").append(bytes >> 20).append(" MiB, incompressible), against "
                + "SHA-256 of the same attachment files read from disk in 64 KiB pieces (`MessageDigest`). 3 warm-up "
                + "rounds, then ").append(ROUNDS).append(" alternating rounds; the ratio is taken per round "
                + "(sign / SHA-256 of the same round) and its median reported. Peak heap = the highest used heap "
                + "sampled every millisecond, above the heap after a GC before the step (an upper bound: it "
                + "includes garbage); allocated = bytes the thread allocated during the step.\n\n");
        md.append("| step | median ms | rounds ms | median peak heap above baseline MiB | median allocated MiB |\n");
        md.append("|---|---:|---|---:|---:|\n");
        row(md, "SHA-256 of the 50 MB", sha);
        row(md, "sign the draft, 50 MB of attachments", sign);
        row(md, "sign the draft, 10 MB of attachments", signSmall);
        row(md, "(reference) the 50 MB copied to one file and forced to disk, no hashing", write);
        md.append("\nRatios by round: ");
        for (int r = 0; r < ROUNDS; r++) {
            md.append(r == 0 ? "" : ", ").append(String.format("%.2f", ratios[r]));
        }
        md.append(".\n\n**Signing takes ").append(String.format("%.2fx", ratio))
                .append(" the time of hashing the same bytes** (target <= 1.5x: ")
                .append(ratio <= 1.5 ? "met" : "not met").append("). ");
        double heapSmall = median(signSmall, Step::peakMiB);
        double heapLarge = median(sign, Step::peakMiB);
        md.append(String.format("The heap stays flat: %.1f MiB above the baseline with 10 MB of attachments, "
                + "%.1f MiB with 50 MB (allocated %.1f and %.1f MiB).%n", heapSmall, heapLarge,
                median(signSmall, Step::allocMiB), median(sign, Step::allocMiB)));
        md.append(String.format("%nLoad average of the machine at the end: %.2f on %d cores.%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        md.append("\nRun: `./mvnw -B -q -pl client -am -DskipTests package dependency:build-classpath "
                + "-Dmdep.outputFile=cp.txt -Dmdep.includeScope=test`, then from `client/`: `java -Xmx512m -cp "
                + "target/test-classes:target/classes:$(cat cp.txt) org.minedecl.client.app.signing.SigningBenchmark`.\n");
        BenchmarkReport.writeSection("desktop-signing", "Desktop: signing a draft with 50 MB of attachments",
                md.toString());
    }

    static double median(List<Step> steps, java.util.function.ToDoubleFunction<Step> f) {
        double[] v = steps.stream().mapToDouble(f).sorted().toArray();
        return v[v.length / 2];
    }

    static void row(StringBuilder md, String name, List<Step> steps) {
        md.append("| ").append(name).append(" | ").append(String.format("%.0f", median(steps,
                s -> s.nanos() / 1e6))).append(" | ");
        for (int i = 0; i < steps.size(); i++) {
            md.append(i == 0 ? "" : ", ").append(String.format("%.0f", steps.get(i).nanos() / 1e6));
        }
        md.append(" | ").append(String.format("%.1f", median(steps, Step::peakMiB))).append(" | ")
                .append(String.format("%.1f", median(steps, Step::allocMiB))).append(" |\n");
    }
}
