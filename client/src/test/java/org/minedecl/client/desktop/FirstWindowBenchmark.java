package org.minedecl.client.desktop;

import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.Toolkit;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.minedecl.client.app.demo.DemoSetup;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.shared.bench.BenchmarkReport;

/**
 * Time to the first window: the desktop client (its home holding the demo mine's quarter, which it reopens) against
 * a bare FlatLaf window (a JFrame with one label), each started as its own JVM on the same machine and class path,
 * alternating. The time is from starting the process to the window shown and its first events handled (the child
 * prints a line then). Writes its section of docs/benchmarks.md. Target: at most 2x.
 */
public final class FirstWindowBenchmark {
    static final int WARM_UP = 2;
    static final int ROUNDS = 7;

    private FirstWindowBenchmark() {
    }

    /** The child: {@code bare} or {@code desktop HOME}; prints "shown" once the window is up, then exits. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            if (args[0].equals("bare")) {
                SwingUtilities.invokeAndWait(() -> {
                    com.formdev.flatlaf.FlatLightLaf.setup();
                    JFrame f = new JFrame("bare");
                    f.add(new JLabel("申报"));
                    f.setSize(1280, 800);
                    f.setVisible(true);
                });
            } else {
                DesktopApp.launch(new DesktopApp.Options(Path.of(args[1]), null, null, Clock.systemUTC(), false,
                        false));
            }
            while (Frame.getFrames().length == 0 || !Frame.getFrames()[0].isShowing()) {
                Thread.sleep(1);
            }
            EventQueue.invokeAndWait(() -> { });
            Toolkit.getDefaultToolkit().sync();
            EventQueue.invokeAndWait(() -> { });
            System.out.println("shown " + ProcessHandle.current().info().totalCpuDuration()
                    .map(java.time.Duration::toMillis).orElse(-1L));
            System.out.flush();
            System.exit(0);
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("first-window");
        new DemoSetup(home).demoMine(new DraftStore(home, Clock.systemUTC()), LocalDate.now(org.minedecl.client.app.BusinessClock.ZONE));
        new DraftStore(home, Clock.systemUTC()).setOpen(new DraftStore(home, Clock.systemUTC()).list().stream()
                .map(DraftStore.DraftInfo::id).toList());
        List<Long> bare = new ArrayList<>();
        List<Long> desktop = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Long> bareCpu = new ArrayList<>();
        List<Long> desktopCpu = new ArrayList<>();
        for (int r = 0; r < WARM_UP + ROUNDS; r++) {
            long b = start("bare");
            long d = start("desktop", home.toString());
            if (r >= WARM_UP) {
                bare.add(b);
                desktop.add(d);
                bareCpu.add(cpu.get(cpu.size() - 2));
                desktopCpu.add(cpu.get(cpu.size() - 1));
                ratios.add((double) d / b);
            }
        }
        double mb = median(bare);
        double md = median(desktop);
        double ratio = md / mb;
        StringBuilder s = new StringBuilder();
        s.append("Each start is its own JVM (`java -cp <the client's test class path>`, no JVM options), from "
                + "starting the process to the window shown and two rounds of its event queue handled (the child "
                + "then prints a line the parent waits for). Bare = FlatLaf set up and a 1280x800 JFrame with one "
                + "label; desktop = `DesktopApp.launch` on a home with the demo mine's quarter, which it reopens "
                + "with its form, findings and the mines list. ").append(WARM_UP).append(" warm-up pairs (the "
                + "file cache), then ").append(ROUNDS).append(" alternating pairs; medians.\n\n");
        s.append("| start | median ms | rounds ms | CPU ms of the process (all threads), rounds |\n|---|---:|---|---|\n");
        s.append("| bare FlatLaf window | ").append(Math.round(mb)).append(" | ").append(join(bare)).append(" | ")
                .append(join(bareCpu)).append(" |\n");
        s.append("| desktop client | ").append(Math.round(md)).append(" | ").append(join(desktop)).append(" | ")
                .append(join(desktopCpu)).append(" |\n\n");
        s.append(String.format("CPU time: the desktop used %.2fx the CPU time of the bare window (medians).%n%n",
                median(desktopCpu) / median(bareCpu)));
        s.append(String.format("Ratios by pair: %s.%n%n", ratios.stream().map(x -> String.format("%.2f", x))
                .reduce((x, y) -> x + ", " + y).orElse("")));
        s.append(String.format("**The desktop's first window takes %.2fx the time of a bare FlatLaf window** "
                + "(target <= 2x: %s).%n", ratio, ratio <= 2 ? "met" : "not met"));
        s.append("\nRun (needs a display): `./mvnw -B -q -DskipTests package dependency:build-classpath "
                + "-Dmdep.outputFile=cp.txt -Dmdep.includeScope=test`, then from `client/`: `java -cp "
                + "target/test-classes:target/classes:$(cat cp.txt) org.minedecl.client.desktop.FirstWindowBenchmark`.\n");
        BenchmarkReport.writeSection("desktop-start", "Desktop: time to the first window", s.toString());
        try (var w = Files.walk(home)) {
            for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The CPU time each child had used when its window was up (all its threads), in start order. */
    static final List<Long> cpu = new ArrayList<>();

    static long start(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("shown ")) {
                    long t = (System.nanoTime() - t0) / 1_000_000;
                    p.waitFor(20, TimeUnit.SECONDS);
                    cpu.add(Long.parseLong(line.substring(6)));
                    return t;
                }
            }
        }
        throw new IllegalStateException(args[0] + " never showed a window (exit " + p.waitFor() + ")");
    }

    static double median(List<Long> v) {
        return v.stream().sorted().toList().get(v.size() / 2);
    }

    static String join(List<Long> v) {
        return String.join(", ", v.stream().map(String::valueOf).toList());
    }
}
