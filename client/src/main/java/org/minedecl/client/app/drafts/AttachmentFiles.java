package org.minedecl.client.app.drafts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.minedecl.shared.declaration.AttachmentKind;

/**
 * A draft's attachment files, copied into {@code drafts/<id>.attachments/} and kept in step with the
 * declaration's {@code attachments} list ({@code attachments/<file name>}). Only PDF, JPEG and PNG are taken,
 * judged by their first bytes, not their names.
 */
public final class AttachmentFiles {
    /** Larger files are refused (the server takes 100 MB per package). */
    public static final long MAX_BYTES = 50L << 20;

    private final DraftStore store;

    public AttachmentFiles(DraftStore store) {
        this.store = store;
    }

    /** Why a file was not added. */
    public enum Refusal { NOT_PDF_JPG_PNG, TOO_LARGE, DUPLICATE_NAME }

    /** The outcome of adding one file: the entry added, or why not. */
    public record Added(String packagePath, Refusal refusal) {
        public boolean ok() {
            return refusal == null;
        }
    }

    /** The file's type by content: "pdf", "jpg", "png", or null. */
    public static String sniff(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 8);
        }
        if (n >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
            return "pdf";
        }
        if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return "jpg";
        }
        if (n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && head[4] == 0x0D && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A) {
            return "png";
        }
        return null;
    }

    /** Copies {@code file} into the draft and appends it to {@code attachments}, with a kind guessed from it. */
    public Added add(String draftId, DraftDocument doc, Path file, AttachmentKind kind) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            return new Added(null, Refusal.TOO_LARGE);
        }
        if (sniff(file) == null) {
            return new Added(null, Refusal.NOT_PDF_JPG_PNG);
        }
        String name = safeName(file.getFileName().toString());
        String packagePath = "attachments/" + name;
        for (JsonNode a : doc.root().path("attachments")) {
            if (packagePath.equals(a.path("path").asText())) {
                return new Added(packagePath, Refusal.DUPLICATE_NAME);
            }
        }
        Path dir = store.attachmentsDir(draftId);
        Files.createDirectories(dir);
        Files.copy(file, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        ArrayNode list = doc.root().has("attachments") && doc.root().get("attachments").isArray()
                ? (ArrayNode) doc.root().get("attachments") : doc.root().putArray("attachments");
        ObjectNode entry = list.addObject();
        entry.put("path", packagePath);
        entry.put("kind", kind.name());
        return new Added(packagePath, null);
    }

    /** Removes entry {@code index} from the list and its file from the draft. */
    public void remove(String draftId, DraftDocument doc, int index) throws IOException {
        ArrayNode list = (ArrayNode) doc.root().path("attachments");
        String path = list.get(index).path("path").asText();
        list.remove(index);
        if (path.startsWith("attachments/")) {
            Files.deleteIfExists(store.attachmentsDir(draftId).resolve(path.substring("attachments/".length())));
        }
    }

    /** The file kept for a declared attachment path, or null when it is not in the draft. */
    public Path fileOf(String draftId, String packagePath) {
        if (packagePath == null || !packagePath.startsWith("attachments/")) {
            return null;
        }
        Path p = store.attachmentsDir(draftId).resolve(packagePath.substring("attachments/".length()));
        return Files.isRegularFile(p) ? p : null;
    }

    /** The declared attachments that have no file in the draft (an opened file's, say). */
    public List<String> missing(String draftId, DraftDocument doc) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : doc.root().path("attachments")) {
            String p = a.path("path").asText();
            if (fileOf(draftId, p) == null) {
                out.add(p);
            }
        }
        return out;
    }

    /** A file name as a package path may hold it: no directories, no control characters. */
    static String safeName(String name) {
        String n = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return n.isBlank() || n.startsWith(".") ? "file" + n : n;
    }
}
