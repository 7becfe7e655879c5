package org.minedecl.shared.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes one benchmark's section of {@code docs/benchmarks.md}, between
 * {@code <!-- bench:NAME -->} and {@code <!-- /bench:NAME -->}, leaving the other sections as they are.
 * Each section states the machine it ran on. Benchmarks are main programs, never unit tests.
 */
public final class BenchmarkReport {
    private BenchmarkReport() {
    }

    /** The docs file: {@code -Dminedecl.benchDoc=...}, else {@code docs/benchmarks.md} found upwards from here. */
    public static Path docFile() {
        String configured = System.getProperty("minedecl.benchDoc");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("shared"))) {
                return dir.resolve("docs/benchmarks.md");
            }
            dir = dir.getParent();
        }
        return Path.of("docs/benchmarks.md");
    }

    /** One line describing the machine: cores, max heap, JVM, OS. */
    public static String machine() {
        Runtime rt = Runtime.getRuntime();
        String cpu = "unknown CPU";
        try {
            Path info = Path.of("/proc/cpuinfo");
            if (Files.exists(info)) {
                cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
            }
        } catch (IOException ignored) {
            // the CPU name is decoration only
        }
        return String.format("%d cores (%s), max heap %d MiB, %s %s, %s %s", rt.availableProcessors(), cpu,
                rt.maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** Replaces (or appends) the section {@code name} with {@code markdown}, stamped with date and machine. */
    public static synchronized void writeSection(String name, String title, String markdown) {
        Path file = docFile();
        try {
            String doc = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
                    : "# Benchmarks\n\nWritten by the benchmark programs (README, \"Benchmarks\"); "
                    + "each section names the machine it ran on. The machine is shared and noisy: compare "
                    + "ratios measured in one run, not absolute figures across runs.\n";
            String open = "<!-- bench:" + name + " -->";
            String close = "<!-- /bench:" + name + " -->";
            String body = open + "\n## " + title + "\n\n_Run " + ZonedDateTime.now()
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " on " + machine() + ", JVM args "
                    + ManagementFactory.getRuntimeMXBean().getInputArguments() + "._\n\n" + markdown.strip()
                    + "\n" + close;
            int a = doc.indexOf(open);
            int b = doc.indexOf(close);
            if (a >= 0 && b > a) {
                doc = doc.substring(0, a) + body + doc.substring(b + close.length());
            } else {
                doc = doc.stripTrailing() + "\n\n" + body + "\n";
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, doc, StandardCharsets.UTF_8);
            System.out.println(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
