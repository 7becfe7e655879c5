package org.minedecl.client.app.drafts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.minedecl.client.app.status.FilingStatus;
import org.minedecl.shared.pkg.PackageLayout;

/**
 * A filed quarter as the read-only view shows it: the declaration exactly as signed (read from the signed package
 * beside the draft), the receipt kept when the server accepted it, and what the server said after review. No Swing.
 *
 * @param id             the draft id
 * @param declaration    the signed declaration (from the package; from the draft file when the package is gone)
 * @param fromPackage    whether {@code declaration} was read from the signed package
 * @param status         ACCEPTED, FLAGGED or RETURNED
 * @param receiptId      the receipt id (the submission's id on the server)
 * @param receivedAt     when the server received it (the receipt's text), or null
 * @param packageSha256  the package's SHA-256 the receipt names, or null
 * @param findings       the receipt's findings: rule id, severity and message (zh, en)
 * @param server         what the server said when last asked (decisions, abnormal list), or null
 */
public record FiledQuarter(String id, DraftDocument declaration, boolean fromPackage, DraftStatus status,
                           String receiptId, String receivedAt, String packageSha256, List<ReceiptFinding> findings,
                           FilingStatus server) {

    /** A finding of the receipt. */
    public record ReceiptFinding(String ruleId, String severity, String zh, String en) {
    }

    /** Reads the filed quarter {@code id}; null when it is not filed (no receipt). */
    public static FiledQuarter read(DraftStore store, String id) throws IOException {
        Receipts.Stored stored = store.receipt(id);
        if (stored == null) {
            return null;
        }
        DraftDocument signed = null;
        if (Files.isRegularFile(store.packageFile(id))) {
            try (ZipFile zip = new ZipFile(store.packageFile(id).toFile())) {
                ZipEntry e = zip.getEntry(PackageLayout.DECLARATION);
                if (e != null) {
                    try (InputStream in = zip.getInputStream(e)) {
                        JsonNode n = DraftStore.JSON.readTree(in);
                        if (n != null && n.isObject()) {
                            signed = new DraftDocument((ObjectNode) n);
                        }
                    }
                }
            } catch (IOException notAPackage) {
                // read the draft instead, and say so
            }
        }
        boolean fromPackage = signed != null;
        if (signed == null) {
            DraftStore.Loaded l = store.load(id);
            if (!(l instanceof DraftStore.Loaded.Ok ok)) {
                throw new IOException("the filed declaration " + id + " cannot be read");
            }
            signed = ok.draft().document();
        }
        JsonNode r = DraftStore.JSON.readTree(store.receiptFile(id).toFile());
        List<ReceiptFinding> findings = new ArrayList<>();
        for (JsonNode f : r.path("findings")) {
            findings.add(new ReceiptFinding(f.path("ruleId").asText(), f.path("severity").asText(),
                    f.path("message").path("zh").asText(""), f.path("message").path("en").asText("")));
        }
        return new FiledQuarter(id, signed, fromPackage, store.status(id), stored.receiptId(),
                r.hasNonNull("receivedAt") ? r.get("receivedAt").asText() : null,
                r.hasNonNull("packageSha256") ? r.get("packageSha256").asText() : null, findings,
                store.serverStatus(id));
    }
}
