package org.minedecl.client.app.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.minedecl.client.app.drafts.Deadlines;
import org.minedecl.client.app.drafts.Draft;
import org.minedecl.client.app.drafts.DraftDocument;
import org.minedecl.client.app.drafts.DraftStore;

/**
 * The quick start's demo (演示): a demo mine as a draft of the quarter now due, with its two attachments; the
 * server jar started on the embedded default, trusting the demo CA (copied into its trust directory). Everything
 * is named "演示"/demo. The demo CA and enterprise certificate themselves are made by {@code minedecl keygen}.
 */
public final class DemoSetup {
    /** The demo enterprise's USCC (the example declaration's). */
    public static final String USCC = "91140525MA0JX7RP19";
    /** The demo enterprise's name, on the certificate and in the declaration. */
    public static final String NAME = "泽州县金岭建材矿业有限公司（演示）";

    private final Path home;

    public DemoSetup(Path home) {
        this.home = home;
    }

    /** Where the demo PKI lives: {@code MINEDECL_HOME/demo}. */
    public Path pkiDir() {
        return home.resolve("demo");
    }

    public boolean pkiExists() {
        return Files.isRegularFile(pkiDir().resolve("enterprise.p12")) && Files.isRegularFile(pkiDir().resolve("ca.pem"));
    }

    /** Copies the demo CA and its CRL into the server's trust directory ({@code <data dir>/trust}). */
    public void trust(Path serverDataDir) throws IOException {
        Path trust = serverDataDir.resolve("trust");
        Files.createDirectories(trust);
        Files.copy(pkiDir().resolve("ca.pem"), trust.resolve("minedecl-demo-ca.pem"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pkiDir().resolve("ca.crl"), trust.resolve("minedecl-demo-ca.crl"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * The demo mine's draft for the quarter due on {@code today}, unless the store has drafts already; its two
     * attachments are small demo PDFs. Returns the draft made, or null.
     */
    public Draft demoMine(DraftStore store, LocalDate today) throws IOException {
        if (!store.list().isEmpty()) {
            return null;
        }
        byte[] json;
        try (InputStream in = DemoSetup.class.getResourceAsStream("demo-declaration.json")) {
            json = in.readAllBytes();
        }
        ObjectNode root = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .setNodeFactory(DraftDocument.NODES)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(json);
        DraftDocument doc = new DraftDocument(root);
        doc.set("period", DraftDocument.NODES.textNode(Deadlines.dueQuarter(today).toString()));
        Draft d = store.create(doc);
        Path att = store.attachmentsDir(d.id());
        Files.createDirectories(att);
        for (var a : root.path("attachments")) {
            String name = a.path("path").asText().substring("attachments/".length());
            Files.write(att.resolve(name), demoPdf(a.path("title").asText(name)));
        }
        store.setOpen(List.of(d.id()));
        return d;
    }

    /** A one-page PDF saying it is a demo attachment. */
    static byte[] demoPdf(String title) {
        String text = "minedecl demo attachment - not a real document";
        String stream = "BT /F1 14 Tf 72 720 Td (" + text + ") Tj ET";
        List<String> objs = new ArrayList<>(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
        StringBuilder sb = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objs.size(); i++) {
            offsets.add(sb.length());
            sb.append(i + 1).append(" 0 obj\n").append(objs.get(i)).append("\nendobj\n");
        }
        int xref = sb.length();
        sb.append("xref\n0 ").append(objs.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> sb.append(String.format("%010d 00000 n \n", o)));
        sb.append("trailer\n<< /Size ").append(objs.size() + 1).append(" /Root 1 0 R /Info << /Title (")
                .append(title.replaceAll("[^ -~]", "?")).append(") >> >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Whether a server answers {@code /health} at {@code server}. */
    public static boolean serverUp(URI server) {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.resolve("/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts {@code serverJar} with the embedded default (port {@code port}, data directory {@code dataDir}) and
     * waits until it answers, at most {@code timeout}. Its output goes to {@code dataDir/server.log}.
     */
    public static Process startServer(Path serverJar, Path dataDir, int port, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", serverJar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        pb.environment().put("MINEDECL_DATA_DIR", dataDir.toAbsolutePath().toString());
        pb.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        Process p = pb.start();
        URI uri = URI.create("http://localhost:" + port);
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                throw new IOException("the server stopped at start (exit " + p.exitValue() + "); see "
                        + dataDir.resolve("server.log"));
            }
            if (serverUp(uri)) {
                return p;
            }
            Thread.sleep(300);
        }
        p.destroy();
        throw new IOException("the server did not answer within " + timeout.toSeconds() + " s; see "
                + dataDir.resolve("server.log"));
    }

    /** {@code server/target/minedecl-server.jar} beside this client's jar, or from the working directory. */
    public static Path findServerJar() {
        List<Path> candidates = new ArrayList<>();
        try {
            Path self = Path.of(DemoSetup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // client/target/minedecl.jar (or client/target/classes) -> server/target/minedecl-server.jar
            Path target = Files.isDirectory(self) ? self.getParent() : self.getParent();
            candidates.add(target.getParent().getParent().resolve("server/target/minedecl-server.jar"));
        } catch (Exception e) {
            // no code source: only the working directory
        }
        candidates.add(Path.of("server/target/minedecl-server.jar"));
        candidates.add(Path.of("minedecl-server.jar"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }
}
