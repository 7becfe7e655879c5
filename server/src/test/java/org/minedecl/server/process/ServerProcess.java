package org.minedecl.server.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real {@code minedecl-server.jar} as a separate process (for the kill -9 test and the benchmark). */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * {@code server/target/minedecl-server.jar}, found from the module or the repository root; the system property
     * {@code minedecl.server.jar} names another (e.g. to benchmark an earlier build against this one).
     */
    public static Path jar() {
        String other = System.getProperty("minedecl.server.jar");
        if (other != null && !other.isBlank()) {
            return Path.of(other).toAbsolutePath();
        }
        for (Path p : List.of(Path.of("target/minedecl-server.jar"), Path.of("server/target/minedecl-server.jar"))) {
            if (Files.exists(p)) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("server/target/minedecl-server.jar not built (run mvn package first)");
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts the jar with the given heap and environment and waits until /health answers. */
    public static ServerProcess start(Path dataDir, String heap, Map<String, String> env, Path log) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC"));
        // extra JVM options for a profiling run, e.g. -Dminedecl.server.jvmArgs="-XX:StartFlightRecording=..."
        String extra = System.getProperty("minedecl.server.jvmArgs", "").strip();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.addAll(List.of("-jar", jar().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("MINEDECL_DATA_DIR", dataDir.toString());
        pb.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        pb.environment().putAll(env);
        ServerProcess sp = new ServerProcess(pb.start(), port);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!sp.process.isAlive()) {
                throw new IllegalStateException("server exited with " + sp.process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(sp.uri().resolve("/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return sp;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        sp.kill();
        throw new IllegalStateException("server did not become healthy within 60 s; see " + log);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hooks, no flushing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
