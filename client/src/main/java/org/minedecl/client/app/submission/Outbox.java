package org.minedecl.client.app.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.Cancellation;
import org.minedecl.client.app.ProgressListener;
import org.minedecl.client.app.receipts.ReceiptStore;

/**
 * Signed packages waiting for the server (待发送): when an upload finds the server unavailable, the package is
 * kept here and sent again later ({@link #sendAll}). An entry is named by the SHA-256 of the package's bytes, so the
 * same package put in twice is one entry, and the server answers the identical package again with its first
 * receipt (uploads are idempotent): sending again never files twice. On acceptance the receipt is kept where the
 * entry says (beside the original package or draft) and the entry leaves the outbox; a refused entry moves to
 * {@code refused/} with the server's answer, since sending it again would get the same answer.
 *
 * <p>Layout under the folder (the desktop uses {@code MINEDECL_HOME/outbox}): {@code <sha256>.asice} and
 * {@code <sha256>.json} ({@code source}, {@code receipt}, {@code queuedAt}); {@code refused/} likewise plus
 * {@code <sha256>.answer.json}.
 */
public final class Outbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final BusinessClock clock;

    public Outbox(Path dir, BusinessClock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** The outbox folder. */
    public Path dir() {
        return dir;
    }

    /**
     * One waiting package.
     *
     * @param id            the SHA-256 of the package bytes (hex)
     * @param pkg           the copy kept in the outbox
     * @param source        where the package was when it was put in
     * @param receiptTarget where its receipt will be kept
     * @param queuedAt      when it was put in
     */
    public record Entry(String id, Path pkg, Path source, Path receiptTarget, Instant queuedAt) {
    }

    /**
     * Puts a signed package in the outbox (a copy: the original may be moved or deleted); the same package again
     * is the entry it already has.
     *
     * @param receiptTarget where the receipt goes once accepted, or null for beside the package
     */
    public synchronized Entry add(Path signedPackage, Path receiptTarget) throws IOException {
        Files.createDirectories(dir);
        String id = sha256(signedPackage);
        Path copy = dir.resolve(id + ".asice");
        Path meta = dir.resolve(id + ".json");
        if (Files.isRegularFile(copy) && Files.isRegularFile(meta)) {
            return read(meta);
        }
        Path target = receiptTarget != null ? receiptTarget : ReceiptStore.besidePackage(signedPackage);
        Path tmp = dir.resolve(id + ".asice.tmp");
        Files.copy(signedPackage, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Entry e = new Entry(id, copy, signedPackage.toAbsolutePath(), target.toAbsolutePath(), clock.now());
        ObjectNode n = JSON.createObjectNode();
        n.put("source", e.source().toString());
        n.put("receipt", e.receiptTarget().toString());
        n.put("queuedAt", e.queuedAt().toString());
        Path metaTmp = dir.resolve(id + ".json.tmp");
        Files.write(metaTmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
        Files.move(metaTmp, meta, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return e;
    }

    /** The waiting packages, oldest first. */
    public synchronized List<Entry> pending() throws IOException {
        return list(dir);
    }

    /** Packages the server refused while they were in the outbox (their answers beside them). */
    public synchronized List<Entry> refused() throws IOException {
        return list(dir.resolve("refused"));
    }

    /** What happened to one entry in {@link #sendAll}. */
    public record Sent(Entry entry, SubmissionResult result) {
    }

    /**
     * Sends every waiting package, oldest first, and stops at the first that finds the server unavailable (the
     * rest would too) or when cancelled. Accepted: receipt kept, entry removed. Refused: entry moved to
     * {@code refused/}.
     *
     * @return what happened to each entry tried
     */
    public synchronized List<Sent> sendAll(SubmissionService service, ProgressListener listener,
            Cancellation cancel) throws IOException {
        List<Sent> out = new ArrayList<>();
        for (Entry e : pending()) {
            SubmissionResult r = service.submit(e.pkg(), listener, cancel);
            settle(e, r);
            out.add(new Sent(e, r));
            if (r instanceof SubmissionResult.Unavailable || r instanceof SubmissionResult.Cancelled) {
                break;
            }
        }
        return out;
    }

    /**
     * Uploads a package now; if the server is unavailable (after the service's own retries) it is kept in the
     * outbox to be sent by {@link #sendAll}. An accepted package's receipt is kept at {@code receiptTarget} (null:
     * beside the package).
     */
    public SubmissionResult submitOrKeep(Path signedPackage, Path receiptTarget, SubmissionService service,
            ProgressListener listener, Cancellation cancel) throws IOException {
        SubmissionResult r = service.submit(signedPackage, listener, cancel);
        if (r instanceof SubmissionResult.Unavailable) {
            add(signedPackage, receiptTarget);
        } else if (r instanceof SubmissionResult.Accepted) {
            SubmissionResult.Accepted a = (SubmissionResult.Accepted) r;
            ReceiptStore.store(receiptTarget != null ? receiptTarget : ReceiptStore.besidePackage(signedPackage),
                    a.signedReceipt());
            forget(sha256(signedPackage)); // it may have waited here before
        }
        return r;
    }

    private void settle(Entry e, SubmissionResult r) throws IOException {
        if (r instanceof SubmissionResult.Accepted) {
            ReceiptStore.store(e.receiptTarget(), ((SubmissionResult.Accepted) r).signedReceipt());
            forget(e.id());
        } else if (r instanceof SubmissionResult.Refused) {
            Path refused = Files.createDirectories(dir.resolve("refused"));
            SubmissionResult.Refused no = (SubmissionResult.Refused) r;
            ObjectNode n = JSON.createObjectNode();
            n.put("status", no.status());
            n.put("code", no.code());
            n.put("detail", no.detail());
            n.set("findings", JSON.valueToTree(no.findings()));
            Files.write(refused.resolve(e.id() + ".answer.json"), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(n));
            Files.move(dir.resolve(e.id() + ".json"), refused.resolve(e.id() + ".json"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.move(e.pkg(), refused.resolve(e.id() + ".asice"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private synchronized void forget(String id) throws IOException {
        Files.deleteIfExists(dir.resolve(id + ".json"));
        Files.deleteIfExists(dir.resolve(id + ".asice"));
    }

    private static List<Entry> list(Path folder) throws IOException {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.json")) {
            for (Path meta : ds) {
                String name = meta.getFileName().toString();
                if (name.endsWith(".answer.json")) {
                    continue;
                }
                if (Files.isRegularFile(folder.resolve(name.substring(0, name.length() - 5) + ".asice"))) {
                    out.add(read(meta));
                }
            }
        }
        out.sort(Comparator.comparing(Entry::queuedAt).thenComparing(Entry::id));
        return out;
    }

    private static Entry read(Path meta) throws IOException {
        String name = meta.getFileName().toString();
        String id = name.substring(0, name.length() - 5);
        var n = JSON.readTree(meta.toFile());
        return new Entry(id, meta.resolveSibling(id + ".asice"), Path.of(n.path("source").asText()),
                Path.of(n.path("receipt").asText()), Instant.parse(n.path("queuedAt").asText()));
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
