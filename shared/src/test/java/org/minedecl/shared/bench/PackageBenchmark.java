package org.minedecl.shared.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.minedecl.shared.pkg.PackageAttachment;
import org.minedecl.shared.pkg.PackageVerifier;
import org.minedecl.shared.pkg.PackageWriter;
import org.minedecl.shared.pkg.VerificationReport;
import org.minedecl.shared.testpki.TestPki;

/**
 * Signed-package figures: sign and verify throughput per algorithm for the example declaration, and the time and
 * peak heap to package (and verify) 50 MB of attachments. Writes the "packages" section of docs/benchmarks.md.
 */
public final class PackageBenchmark {
    private PackageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("minedecl-bench");
        try {
            StringBuilder md = new StringBuilder();
            md.append("Sign = write a complete package (example declaration + 2 small attachments, manifest, CAdES "
                    + "signature, atomic move); verify = every check of `PackageVerifier` incl. chain and CRL.\n\n");
            md.append("| algorithm | sign / s | verify / s | sign ms (median) | verify ms (median) |\n");
            md.append("|---|---:|---:|---:|---:|\n");
            for (TestPki.KeyAlg alg : TestPki.KeyAlg.values()) {
                TestPki pki = TestPki.get(alg);
                TestPki.Leaf leaf = pki.leaf().build();
                List<PackageAttachment> atts = TestPki.exampleAttachments(dir.resolve("att-" + alg));
                byte[] decl = TestPki.exampleDeclaration();
                PackageWriter w = new PackageWriter(Clock.fixed(TestPki.SIGNING_TIME, ZoneOffset.UTC));
                PackageVerifier v = new PackageVerifier(pki.policy(TestPki.NOW));
                Path out = dir.resolve(alg + ".asice");
                for (int i = 0; i < 30; i++) { // warm-up
                    w.write(decl, atts, leaf.credential(), null, out, null);
                    check(v.verify(out));
                }
                int n = alg == TestPki.KeyAlg.RSA ? 100 : 200;
                long[] signNs = new long[n];
                long[] verifyNs = new long[n];
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    w.write(decl, atts, leaf.credential(), null, out, null);
                    long t1 = System.nanoTime();
                    check(v.verify(out));
                    long t2 = System.nanoTime();
                    signNs[i] = t1 - t0;
                    verifyNs[i] = t2 - t1;
                }
                md.append(String.format("| %s | %.0f | %.0f | %.2f | %.2f |%n", alg, n / (sum(signNs) / 1e9),
                        n / (sum(verifyNs) / 1e9), median(signNs) / 1e6, median(verifyNs) / 1e6));
            }

            // 50 MB of attachments: 5 x 10 MB of incompressible bytes (like scanned PDFs)
            List<PackageAttachment> big = new ArrayList<>();
            Random rnd = new Random(42);
            byte[] chunk = new byte[1 << 20];
            for (int f = 0; f < 5; f++) {
                Path p = dir.resolve("scan-" + f + ".pdf");
                try (OutputStream o = Files.newOutputStream(p)) {
                    for (int i = 0; i < 10; i++) {
                        rnd.nextBytes(chunk);
                        o.write(chunk);
                    }
                }
                big.add(PackageAttachment.of(p));
            }
            byte[] decl = bigDeclaration(big);
            TestPki pki = TestPki.get(TestPki.KeyAlg.EC);
            TestPki.Leaf leaf = pki.leaf().build();
            PackageWriter w = new PackageWriter(Clock.fixed(TestPki.SIGNING_TIME, ZoneOffset.UTC));
            PackageVerifier v = new PackageVerifier(pki.policy(TestPki.NOW));
            Path out = dir.resolve("big.asice");
            w.write(decl, big, leaf.credential(), null, out, null); // warm-up (and page cache)
            check(v.verify(out));
            long[] writeNs = new long[5];
            long[] verifyNs = new long[5];
            long peakWrite = 0;
            long peakVerify = 0;
            long allocWrite = 0;
            long allocVerify = 0;
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long me = Thread.currentThread().getId();
            for (int i = 0; i < writeNs.length; i++) {
                long base = settledHeap();
                HeapSampler s = HeapSampler.begin();
                long a0 = threads.getThreadAllocatedBytes(me);
                long t0 = System.nanoTime();
                w.write(decl, big, leaf.credential(), null, out, null);
                writeNs[i] = System.nanoTime() - t0;
                allocWrite = Math.max(allocWrite, threads.getThreadAllocatedBytes(me) - a0);
                peakWrite = Math.max(peakWrite, s.finish() - base);
                base = settledHeap();
                s = HeapSampler.begin();
                a0 = threads.getThreadAllocatedBytes(me);
                t0 = System.nanoTime();
                check(v.verify(out));
                verifyNs[i] = System.nanoTime() - t0;
                allocVerify = Math.max(allocVerify, threads.getThreadAllocatedBytes(me) - a0);
                peakVerify = Math.max(peakVerify, s.finish() - base);
            }
            md.append("\n50 MB of attachments (5 files of 10 MB, incompressible, stored), EC P-256, package "
                    + Files.size(out) / (1 << 20) + " MiB; 5 runs after one warm-up. Peak heap = highest used heap "
                    + "sampled every millisecond, above the settled heap before the run (includes uncollected "
                    + "garbage, so an upper bound); allocated = bytes the thread allocated in the step (all of it, "
                    + "garbage included):\n\n");
            md.append("| step | median s | min s | max s | peak heap above baseline MiB | allocated MiB |\n"
                    + "|---|---:|---:|---:|---:|---:|\n");
            md.append(String.format("| package + sign | %.2f | %.2f | %.2f | %.1f | %.1f |%n", median(writeNs) / 1e9,
                    min(writeNs) / 1e9, max(writeNs) / 1e9, peakWrite / 1048576.0, allocWrite / 1048576.0));
            md.append(String.format("| verify | %.2f | %.2f | %.2f | %.1f | %.1f |%n", median(verifyNs) / 1e9,
                    min(verifyNs) / 1e9, max(verifyNs) / 1e9, peakVerify / 1048576.0, allocVerify / 1048576.0));
            md.append("\nTarget: packaging 50 MB under 1.5 s with memory independent of attachment size.\n");
            BenchmarkReport.writeSection("packages", "Signed packages (sign, verify, 50 MB attachments)",
                    md.toString());
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static byte[] bigDeclaration(List<PackageAttachment> atts) {
        String json = new String(TestPki.exampleDeclaration(), java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder list = new StringBuilder("\"attachments\": [");
        for (int i = 0; i < atts.size(); i++) {
            list.append(i == 0 ? "" : ",").append("{ \"path\": \"").append(atts.get(i).packagePath())
                    .append("\", \"kind\": \"PHOTO\" }");
        }
        list.append("]");
        int a = json.indexOf("\"attachments\"");
        int b = json.indexOf(']', a) + 1;
        return (json.substring(0, a) + list + json.substring(b)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void check(VerificationReport r) {
        if (!r.valid()) {
            throw new IllegalStateException("benchmark package invalid: " + r.firstFailure());
        }
    }

    private static long settledHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Samples used heap every millisecond on a daemon thread (G1's pool peaks update only at GC). */
    private static final class HeapSampler extends Thread {
        private volatile boolean running = true;
        private volatile long peak;

        static HeapSampler begin() {
            HeapSampler s = new HeapSampler();
            s.setDaemon(true);
            s.start();
            return s;
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long finish() throws InterruptedException {
            running = false;
            join();
            return Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long x : a) {
            s += x;
        }
        return s;
    }

    private static long median(long[] a) {
        long[] c = a.clone();
        java.util.Arrays.sort(c);
        return c[c.length / 2];
    }

    private static long min(long[] a) {
        return java.util.Arrays.stream(a).min().orElse(0);
    }

    private static long max(long[] a) {
        return java.util.Arrays.stream(a).max().orElse(0);
    }
}
