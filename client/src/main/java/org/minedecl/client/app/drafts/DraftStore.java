package org.minedecl.client.app.drafts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.minedecl.client.app.BusinessClock;

/**
 * The drafts of {@code MINEDECL_HOME/drafts} (CONTRACTS section 11): one {@code mine-declaration/1} file per
 * draft, {@code <id>.json}, written atomically (a temporary file in the same directory, forced to disk, then
 * renamed over the old one), so a crash leaves either the old or the new text, never half of it. Beside each
 * draft: its attachments ({@code <id>.attachments/}), its signed package ({@code <id>.asice}) and the verified
 * receipt ({@code <id>.receipt.json}, signed original {@code <id>.asice.receipt}). {@code session.json} in the
 * home lists the drafts that are open, which the next start reopens. A draft that cannot be read is moved to
 * {@code drafts/damaged/} (never overwritten) and reported.
 */
public final class DraftStore {
    public static final String SCHEMA = "mine-declaration/1";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,80}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);
    static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(DraftDocument.NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path home;
    private final Path drafts;
    private final Clock clock;

    public DraftStore(Path home, Clock clock) {
        this.home = home;
        this.drafts = home.resolve("drafts");
        this.clock = clock;
    }

    /** {@code MINEDECL_HOME}, else {@code ~/.minedecl}. */
    public static Path defaultHome() {
        String env = System.getenv("MINEDECL_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".minedecl");
    }

    public Path home() {
        return home;
    }

    public Path draftsDir() {
        return drafts;
    }

    public Path file(String id) {
        return drafts.resolve(checkId(id) + ".json");
    }

    public Path attachmentsDir(String id) {
        return drafts.resolve(checkId(id) + ".attachments");
    }

    public Path packageFile(String id) {
        return drafts.resolve(checkId(id) + ".asice");
    }

    /** The verified receipt as JSON ({@code ReceiptJson}); the signed original is {@code <id>.asice.receipt}. */
    public Path receiptFile(String id) {
        return drafts.resolve(checkId(id) + ".receipt.json");
    }

    /** What the server said of the filed quarter after review ({@code FilingStatus}), beside the draft. */
    public Path serverStatusFile(String id) {
        return drafts.resolve(checkId(id) + ".server.json");
    }

    public Path outboxMarker(String id) {
        return drafts.resolve(checkId(id) + ".outbox");
    }

    private static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a draft id: " + id);
        }
        return id;
    }

    /** A new draft holding {@code document}, saved at once. */
    public Draft create(DraftDocument document) throws IOException {
        String base = idBase(document);
        String id = base;
        for (int n = 2; Files.exists(file(id)); n++) {
            id = base + "-" + n;
        }
        save(id, document);
        return new Draft(id, document);
    }

    private String idBase(DraftDocument d) {
        String uscc = d.text("enterprise.uscc").replaceAll("[^A-Za-z0-9]", "");
        String period = d.text("period").replaceAll("[^A-Za-z0-9]", "");
        String licence = d.text("licences.mining.number").replaceAll("[^A-Za-z0-9]", "");
        StringBuilder sb = new StringBuilder();
        for (String s : List.of(uscc, licence.length() > 8 ? licence.substring(licence.length() - 8) : licence,
                period)) {
            if (!s.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : "-").append(s);
            }
        }
        return sb.length() == 0 ? "draft-" + STAMP.format(clock.instant().atZone(BusinessClock.ZONE))
                : sb.toString();
    }

    /** Writes the draft atomically; readers see the old or the new file, never a part. */
    public void save(String id, DraftDocument document) throws IOException {
        writeAtomically(file(id), JSON.writeValueAsBytes(document.root()));
    }

    /** Writes {@code bytes} to a temporary file beside {@code target}, forces it to disk, renames it. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a draft; a file that is not a JSON object is moved aside to {@code damaged/} and reported. */
    public Loaded load(String id) throws IOException {
        Path f = file(id);
        byte[] bytes = Files.readAllBytes(f);
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return new Loaded.Ok(new Draft(id, new DraftDocument((ObjectNode) n)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Path aside = drafts.resolve("damaged").resolve(id + "-" + STAMP.format(
                    clock.instant().atZone(BusinessClock.ZONE)) + ".json");
            Files.createDirectories(aside.getParent());
            Files.move(f, aside);
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return new Loaded.Damaged(id, aside, why);
        }
    }

    /** The outcome of reading one draft file. */
    public sealed interface Loaded {
        /** The draft as last saved. */
        record Ok(Draft draft) implements Loaded {
        }

        /** The file could not be read; it was moved to {@code keptAs}, untouched. */
        record Damaged(String id, Path keptAs, String reason) implements Loaded {
        }
    }

    /** Every draft with what the mines list shows of it, newest period first. */
    public List<DraftInfo> list() throws IOException {
        List<DraftInfo> out = new ArrayList<>();
        if (!Files.isDirectory(drafts)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(drafts, "*.json")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".receipt.json") || name.endsWith(".server.json")) {
                    continue;
                }
                String id = name.substring(0, name.length() - ".json".length());
                if (!ID.matcher(id).matches()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = JSON.readTree(p.toFile());
                } catch (IOException e) {
                    out.add(new DraftInfo(id, "", "", "", "", DraftStatus.DRAFT, null, true));
                    continue;
                }
                DraftDocument d = new DraftDocument(n.isObject() ? (ObjectNode) n : DraftDocument.NODES.objectNode());
                Receipts.Stored r = receipt(id);
                out.add(new DraftInfo(id, d.text("enterprise.uscc"), d.text("enterprise.name"), d.text("mine.name"),
                        d.text("period"), status(id, r), r == null ? null : r.receiptId(), false));
            }
        }
        out.sort(Comparator.comparing(DraftInfo::mineName).thenComparing(DraftInfo::period, Comparator.reverseOrder())
                .thenComparing(DraftInfo::id));
        return out;
    }

    /** One line of the mines list. */
    public record DraftInfo(String id, String uscc, String enterpriseName, String mineName, String period,
                            DraftStatus status, String receiptId, boolean unreadable) {
    }

    /** The status from the files beside the draft. */
    public DraftStatus status(String id) {
        return status(id, receipt(id));
    }

    private DraftStatus status(String id, Receipts.Stored r) {
        if (r != null) {
            org.minedecl.client.app.status.FilingStatus s = serverStatus(id);
            return s != null && s.returned() ? DraftStatus.RETURNED : r.status();
        }
        if (Files.exists(outboxMarker(id))) {
            return DraftStatus.OUTBOX;
        }
        return Files.exists(packageFile(id)) ? DraftStatus.SIGNED : DraftStatus.DRAFT;
    }

    /** What the server said of the filed quarter when last asked, or null. */
    public org.minedecl.client.app.status.FilingStatus serverStatus(String id) {
        return org.minedecl.client.app.status.FilingStatus.read(serverStatusFile(id));
    }

    /** The stored verified receipt, or null. */
    public Receipts.Stored receipt(String id) {
        return Receipts.read(receiptFile(id));
    }

    // ---- the session: which drafts are open ----

    /** Records the drafts open now; the next start reopens them ({@link #recover()}). */
    public void setOpen(Collection<String> ids) throws IOException {
        ObjectNode s = DraftDocument.NODES.objectNode();
        ArrayNode a = s.putArray("open");
        ids.forEach(a::add);
        writeAtomically(home.resolve("session.json"), JSON.writeValueAsBytes(s));
    }

    /** The drafts recorded as open, in order. */
    public List<String> openIds() {
        Path f = home.resolve("session.json");
        Set<String> ids = new LinkedHashSet<>();
        try {
            JsonNode n = JSON.readTree(f.toFile());
            for (JsonNode id : n.path("open")) {
                if (ID.matcher(id.asText()).matches()) {
                    ids.add(id.asText());
                }
            }
        } catch (IOException e) {
            // no session yet, or a damaged one: nothing to reopen
        }
        return List.copyOf(ids);
    }

    /**
     * The drafts that were open when the client last ran (closed normally or not), as last saved; damaged files
     * are moved aside and listed; left-over temporary files of an interrupted save are removed.
     */
    public Recovery recover() throws IOException {
        if (Files.isDirectory(drafts)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(drafts, ".*.tmp")) {
                for (Path p : ds) {
                    Files.deleteIfExists(p);
                }
            }
        }
        List<Draft> ok = new ArrayList<>();
        List<Loaded.Damaged> damaged = new ArrayList<>();
        for (String id : openIds()) {
            if (!Files.exists(file(id))) {
                continue;
            }
            Loaded l = load(id);
            if (l instanceof Loaded.Ok o) {
                ok.add(o.draft());
            } else {
                damaged.add((Loaded.Damaged) l);
            }
        }
        return new Recovery(List.copyOf(ok), List.copyOf(damaged));
    }

    /** What {@link #recover()} found. */
    public record Recovery(List<Draft> drafts, List<Loaded.Damaged> damaged) {
    }

    // ---- open and export ----

    /**
     * Opens a {@code mine-declaration/1} file (from a consultant, or exported) as a new draft; its attachment
     * files are not in it, so they must be added again. Refuses what is not a JSON object of that schema.
     */
    public Draft importFile(Path file) throws IOException {
        if (Files.size(file) > (1 << 20)) {
            throw new IOException(file.getFileName() + " is larger than a declaration can be (1 MiB)");
        }
        JsonNode n;
        try {
            n = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file.getFileName() + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject() || !SCHEMA.equals(n.path("schema").asText())) {
            throw new IOException(file.getFileName() + " is not a " + SCHEMA + " declaration");
        }
        return create(new DraftDocument((ObjectNode) n));
    }

    /** Writes the draft as a {@code mine-declaration/1} file, exactly as stored. */
    public void export(DraftDocument document, Path target) throws IOException {
        writeAtomically(target.toAbsolutePath(), JSON.writeValueAsBytes(document.root()));
    }

    /** The draft's bytes as they are signed and validated. */
    public static byte[] bytes(DraftDocument document) {
        try {
            return JSON.writeValueAsBytes(document.root());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a draft that was never signed, with its attachments. */
    public void delete(String id) throws IOException {
        Files.deleteIfExists(file(id));
        Path att = attachmentsDir(id);
        if (Files.isDirectory(att)) {
            try (var s = Files.walk(att)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * The last filed declaration of the same mine (same USCC and mining licence) before {@code doc}'s quarter,
     * for the history rules (CORE-CONS-01), or null.
     */
    public org.minedecl.shared.declaration.Declaration previousFiled(DraftDocument doc) throws IOException {
        DraftDocument prev = lastFiled(doc.text("enterprise.uscc"), doc.text("licences.mining.number"),
                doc.text("period"));
        return prev == null ? null : org.minedecl.shared.declaration.DeclarationParser.parse(bytes(prev)).declaration();
    }

    /**
     * The filed quarters of the same mine (same USCC and mining licence) before {@code doc}'s quarter, oldest first,
     * as the history rules take them (CORE-CONS-01, CORE-REPEAT-01, ...).
     */
    public org.minedecl.shared.rules.History filedHistory(DraftDocument doc) throws IOException {
        String uscc = doc.text("enterprise.uscc");
        String licence = doc.text("licences.mining.number");
        String period = doc.text("period");
        List<DraftInfo> filed = new ArrayList<>();
        for (DraftInfo i : list()) {
            if (i.status().filed() && i.uscc().equals(uscc) && licence.equals(licenceOf(i.id()))
                    && (period.isBlank() || i.period().compareTo(period) < 0)) {
                filed.add(i);
            }
        }
        filed.sort(Comparator.comparing(DraftInfo::period));
        List<org.minedecl.shared.declaration.Declaration> out = new ArrayList<>();
        for (DraftInfo i : filed) {
            Loaded l = load(i.id());
            if (l instanceof Loaded.Ok o) {
                out.add(org.minedecl.shared.declaration.DeclarationParser.parse(bytes(o.draft().document()))
                        .declaration());
            }
        }
        return org.minedecl.shared.rules.History.of(out);
    }

    /** The latest filed quarter of a mine before {@code beforePeriod} (all of them when blank), or null. */
    public DraftDocument lastFiled(String uscc, String licence, String beforePeriod) throws IOException {
        DraftInfo best = null;
        for (DraftInfo i : list()) {
            if (i.status().filed() && i.uscc().equals(uscc)
                    && (beforePeriod.isBlank() || i.period().compareTo(beforePeriod) < 0)
                    && licence.equals(licenceOf(i.id()))
                    && (best == null || i.period().compareTo(best.period()) > 0)) {
                best = i;
            }
        }
        if (best == null) {
            return null;
        }
        Loaded l = load(best.id());
        return l instanceof Loaded.Ok o ? o.draft().document() : null;
    }

    private String licenceOf(String id) {
        try {
            return JSON.readTree(file(id).toFile()).path("licences").path("mining").path("number").asText();
        } catch (IOException e) {
            return "";
        }
    }

    Instant now() {
        return clock.instant();
    }
}
