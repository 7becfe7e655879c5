package org.minedecl.client.app.drafts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the verified receipt kept beside a draft, for its status in the mines list. */
public final class Receipts {
    private Receipts() {
    }

    /** What the list needs of a stored receipt. */
    public record Stored(String receiptId, DraftStatus status) {
    }

    static Stored read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode n = DraftStore.JSON.readTree(file.toFile());
            String s = n.path("status").asText();
            DraftStatus st = "FLAGGED".equals(s) ? DraftStatus.FLAGGED : DraftStatus.ACCEPTED;
            return new Stored(n.path("receiptId").asText(), st);
        } catch (IOException e) {
            return null;
        }
    }
}
