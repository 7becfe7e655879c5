package org.minedecl.client.app.drafts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.minedecl.client.app.Cancellation;
import org.minedecl.client.app.ProgressListener;
import org.minedecl.client.app.receipts.ReceiptStore;
import org.minedecl.client.app.signing.Preparation;
import org.minedecl.client.app.signing.SigningService;
import org.minedecl.client.app.submission.Outbox;
import org.minedecl.client.app.submission.SubmissionResult;
import org.minedecl.client.app.submission.SubmissionService;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.receipt.Receipt;
import org.minedecl.shared.receipt.ReceiptJson;
import org.minedecl.shared.receipt.ReceiptVerifier;
import org.minedecl.shared.signature.SignerException;
import org.minedecl.shared.signature.SigningCredential;

/**
 * Filing a draft with the client services (signing, submission, outbox, receipts): the package is written beside
 * the draft ({@code <id>.asice}), uploaded or kept in the outbox ({@code MINEDECL_HOME/outbox}, the draft marked
 * {@code <id>.outbox}), and the server's receipt is verified against the server's receipt certificate (fetched
 * once and then pinned under {@code MINEDECL_HOME/servers/}) and kept beside the draft. No Swing.
 */
public final class DraftFiling {
    private final DraftStore store;
    private final AttachmentFiles files;
    private final SigningService signing;
    private final Outbox outbox;

    public DraftFiling(DraftStore store, SigningService signing, Outbox outbox) {
        this.store = store;
        this.files = new AttachmentFiles(store);
        this.signing = signing;
        this.outbox = outbox;
    }

    public Outbox outbox() {
        return outbox;
    }

    public SigningService signing() {
        return signing;
    }

    /** Checks the draft and matches its attachment files: the ERROR gate of signing. */
    public Preparation prepare(String id, DraftDocument doc, Declaration previous) {
        List<Path> attachments = new ArrayList<>();
        for (var a : doc.root().path("attachments")) {
            Path f = files.fileOf(id, a.path("path").asText());
            attachments.add(f != null ? f : store.attachmentsDir(id).resolve(
                    a.path("path").asText().replaceFirst("^attachments/", "")));
        }
        return signing.prepare(DraftStore.bytes(doc), attachments, null, previous);
    }

    /** Signs into {@code <id>.asice} (written elsewhere first and moved into place by the service). */
    public SigningService.Signed sign(String id, Preparation.Ready ready, SigningCredential credential,
                                      ProgressListener listener) throws IOException, SignerException {
        return signing.sign(ready, credential, false, store.packageFile(id), listener);
    }

    /** What came of an upload, with the verified receipt when accepted. */
    public record Filed(SubmissionResult result, Receipt receipt, boolean receiptVerified, String receiptProblem) {
    }

    /**
     * Uploads the draft's package; unavailable: kept in the outbox and the draft marked; accepted: the receipt
     * verified and kept; refused: the package removed so the draft can be corrected and signed again.
     */
    public Filed submit(String id, SubmissionService service, ProgressListener listener, Cancellation cancel)
            throws IOException {
        Path pkg = store.packageFile(id);
        SubmissionResult r = outbox.submitOrKeep(pkg, receiptTarget(id), service, listener, cancel);
        return settle(id, service.server(), r);
    }

    /** Sends what waits in the outbox; each accepted draft gets its receipt. */
    public List<Filed> sendOutbox(SubmissionService service, ProgressListener listener, Cancellation cancel)
            throws IOException {
        List<Filed> out = new ArrayList<>();
        for (Outbox.Sent s : outbox.sendAll(service, listener, cancel)) {
            String name = s.entry().source().getFileName().toString();
            if (s.entry().source().getParent().equals(store.draftsDir().toAbsolutePath()) && name.endsWith(".asice")) {
                out.add(settle(name.substring(0, name.length() - ".asice".length()), service.server(), s.result()));
            }
        }
        return out;
    }

    private Path receiptTarget(String id) {
        return ReceiptStore.besidePackage(store.packageFile(id)).toAbsolutePath();
    }

    private Filed settle(String id, URI server, SubmissionResult r) throws IOException {
        if (r instanceof SubmissionResult.Unavailable) {
            Files.writeString(store.outboxMarker(id), server.toString());
            return new Filed(r, null, false, null);
        }
        if (r instanceof SubmissionResult.Accepted a) {
            Files.deleteIfExists(store.outboxMarker(id));
            String problem = null;
            boolean ok = false;
            try {
                ReceiptVerifier.Result v = ReceiptStore.verify(a.signedReceipt(), serverCertificate(server));
                ok = v.valid();
                problem = v.problem();
            } catch (IOException | GeneralSecurityException e) {
                problem = e.getMessage();
            }
            DraftStore.writeAtomically(store.receiptFile(id), ReceiptJson.toBytes(a.receipt()));
            return new Filed(r, a.receipt(), ok, problem);
        }
        if (r instanceof SubmissionResult.Refused) {
            Files.deleteIfExists(store.outboxMarker(id));
            Files.deleteIfExists(store.packageFile(id));
        }
        return new Filed(r, null, false, null);
    }

    /**
     * The server's receipt certificate: pinned under {@code MINEDECL_HOME/servers/<host>_<port>.pem} the first
     * time it is fetched, so a server that later changes its key is noticed (its receipts stop verifying).
     */
    public X509Certificate serverCertificate(URI server) throws IOException, GeneralSecurityException {
        Path pinned = store.home().resolve("servers").resolve(server.getHost() + "_" + server.getPort() + ".pem");
        byte[] pem;
        if (Files.isRegularFile(pinned)) {
            pem = Files.readAllBytes(pinned);
        } else {
            try {
                HttpResponse<byte[]> resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.resolve("/api/v1/server-certificate")).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (resp.statusCode() != 200) {
                    throw new IOException("GET /api/v1/server-certificate answered " + resp.statusCode());
                }
                pem = resp.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            DraftStore.writeAtomically(pinned, pem);
        }
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(pem));
    }
}
