package org.minedecl.client.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.minedecl.client.app.demo.DemoSetup;
import org.minedecl.shared.testpki.TestPki;

/**
 * The real server jar ({@code server/target/minedecl-server.jar}) in its own process, trusting the test PKI, with
 * its data in a folder of the test; the test is skipped (not failed) when the jar is not built.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final URI uri;
    private final Path data;

    private ServerProcess(Process process, URI uri, Path data) {
        this.process = process;
        this.uri = uri;
        this.data = data;
    }

    /** Starts the server with its data directory {@code data} and waits until it answers. */
    public static ServerProcess start(Path data, TestPki pki) throws Exception {
        Path jar = jar();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(data.resolve("trust"));
        TestPki.writePem(data.resolve("trust/test-root.pem"), pki.root().cert());
        List<java.security.cert.X509CRL> crls = pki.freshCrls(Instant.now());
        TestPki.writePem(data.resolve("trust/test-root.crl"), crls.get(0));
        TestPki.writePem(data.resolve("trust/test-issuing.crl"), crls.get(1));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()));
        pb.environment().put("MINEDECL_DATA_DIR", data.toString());
        pb.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        ServerProcess server = new ServerProcess(pb.start(), URI.create("http://localhost:" + port), data);
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!DemoSetup.serverUp(server.uri)) {
            if (!server.process.isAlive() || System.nanoTime() > end) {
                server.close();
                assertThat(false).as("server did not start; see %s", data.resolve("server.log")).isTrue();
            }
            Thread.sleep(300);
        }
        return server;
    }

    /** The built server jar; the calling test is skipped (not failed) when it is not built. */
    public static Path jar() {
        for (Path p : List.of(Path.of("../server/target/minedecl-server.jar"),
                Path.of("server/target/minedecl-server.jar"))) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        System.out.println("[server-process] skipped: server/target/minedecl-server.jar is not built "
                + "(.ci/run runs ./mvnw -DskipTests package first)");
        Assumptions.abort("server jar not built");
        return null;
    }

    public URI uri() {
        return uri;
    }

    /** The server's log, for assertion messages. */
    public String log() {
        try {
            return Files.readString(data.resolve("server.log"));
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
