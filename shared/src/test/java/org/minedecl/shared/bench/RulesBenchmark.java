package org.minedecl.shared.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.minedecl.shared.rules.DeclarationValidator;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.rules.RuleVectors;

/**
 * Parse + evaluate throughput on one thread (declarations per second per core; target >= 50,000): the
 * declaration bytes of a mix of jurisdictions and outcomes go through {@link DeclarationValidator}, as
 * {@code minedecl validate} and the server run it. A main program, not a test:
 * {@code ./mvnw -B -q -Pbench -DskipTests verify} (after {@code install}) runs it and writes its section
 * of {@code docs/benchmarks.md}.
 */
public final class RulesBenchmark {
    private static final double TARGET = 50_000;
    private static final long WARMUP_DECLARATIONS = Long.getLong("bench.warmupDeclarations", 500_000);
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private RulesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long warmupMillis = Long.getLong("bench.warmupMillis", 5_000);
        long roundMillis = Long.getLong("bench.roundMillis", 2_000);
        int rounds = Integer.getInteger("bench.rounds", 5);

        ObjectMapper json = new ObjectMapper();
        List<byte[]> docs = new ArrayList<>();
        docs.add(json.writeValueAsBytes(RuleVectors.example()));
        for (String patch : List.of(
                "{\"jurisdiction\": \"140602\", \"mine\": {\"isNew\": true, \"designScale\": 40}}",
                "{\"jurisdiction\": \"621025\", \"restoration\": {\"restoredThisQuarterHa\": 0}}",
                "{\"jurisdiction\": \"360923\", \"mine\": {\"status\": \"STOPPED\", \"rectification\": "
                        + "{\"category\": \"NONE\", \"decidedOn\": \"2026-01-05\", \"disposition\": \"RENEW\"}}}",
                "{\"restorationFund\": {\"deposited\": \"60000.00\", \"closingBalance\": \"1275000.01\"}}",
                "{\"jurisdiction\": \"110101\", \"mine\": {\"mineral\": \"UNOBTANIUM\"}}")) {
            docs.add(json.writeValueAsBytes(RuleVectors.mergePatch(RuleVectors.example(), json.readTree(patch))));
        }
        byte[][] mix = docs.toArray(new byte[0][]);
        DeclarationValidator validator = new DeclarationValidator(RuleEngine.standard());
        LocalDate asOf = LocalDate.of(2026, 10, 10);

        // warm up by time and by count: on a busy machine the JIT threads get little CPU
        long sink = 0;
        long warmed = 0;
        long warmStart = System.nanoTime();
        while (warmed < WARMUP_DECLARATIONS || System.nanoTime() - warmStart < warmupMillis * 1_000_000L) {
            long[] done = run(validator, mix, asOf, 500);
            warmed += done[0];
            sink += done[1];
        }
        double[] rates = new double[rounds];
        double[] wallRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long[] done = run(validator, mix, asOf, roundMillis);
            rates[r] = done[0] * 1e9 / done[3];
            wallRates[r] = done[0] * 1e9 / done[2];
            sink += done[1];
        }
        double median = median(rates);
        double wallMedian = median(wallRates);
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int avgBytes = (int) Arrays.stream(mix).mapToInt(b -> b.length).average().orElse(0);
        String md = String.format(java.util.Locale.ROOT, """
                One thread, `DeclarationValidator.validate` (strict parse + every applicable rule pack) over a mix of
                %d declarations (%d bytes on average: the Zezhou example and variants for Shuozhou, Zhengning,
                Shanggao, a fund shortfall/imbalance and an unknown jurisdiction with a schema error), after
                at least %d ms and %,d declarations of warm-up; %d rounds of %d ms.

                | measure | value |
                |---|---|
                | median throughput per core (per CPU-second of the benchmark thread) | **%,.0f declarations/s** |
                | rounds, per CPU-second | %s |
                | median wall-clock throughput (the machine is shared: load average %.2f on %d cores) | %,.0f declarations/s |
                | mean CPU time per declaration | %.1f µs |
                | target | >= %,.0f declarations/s per core: %s |

                "Per core" divides by the CPU time of the benchmark thread, so that other builds on the shared
                machine do not count against it; GC and JIT threads are not included in it. The wall-clock figure
                is what this run got while sharing the machine.
                (findings produced, to keep the work observable: %d)
                """, mix.length, avgBytes, warmupMillis, WARMUP_DECLARATIONS, rounds, roundMillis, median,
                String.join(", ", Arrays.stream(rates).mapToObj(r -> String.format(java.util.Locale.ROOT, "%,.0f", r)).toList()),
                load, Runtime.getRuntime().availableProcessors(), wallMedian, 1e6 / median, TARGET, median >= TARGET ? "met" : "NOT met", sink);
        BenchmarkReport.writeSection("rules", "Parse + evaluate throughput", md);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Returns {declarations, findings, wall nanos, thread CPU nanos}. */
    private static long[] run(DeclarationValidator validator, byte[][] mix, LocalDate asOf, long millis) {
        long n = 0;
        long findings = 0;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                findings += validator.validate(mix[(int) (n % mix.length)], asOf, null).findings().size();
                n++;
            }
            now = System.nanoTime();
        } while (now < end);
        return new long[] {n, findings, now - start, THREADS.getCurrentThreadCpuTime() - cpuStart};
    }
}
