package org.minedecl.client.app.drafts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

/**
 * Starting a quarter's draft, for the window's commands: a blank one, the next quarter carried forward from the
 * mine's last filed one, or an amendment of a filed quarter (a copy that {@code amends} its receipt, with its
 * attachment files). Each new draft is for the quarter due on {@code today} (amendments keep theirs). No Swing.
 */
public final class Quarters {
    private final DraftStore store;

    public Quarters(DraftStore store) {
        this.store = store;
    }

    /** A blank declaration for the quarter due now. */
    public Draft blank(LocalDate today) throws IOException {
        DraftDocument d = DraftDocument.blank();
        d.set("period", DraftDocument.NODES.textNode(Deadlines.dueQuarter(today).toString()));
        return store.create(d);
    }

    /**
     * The quarter due now for the mine of draft {@code ofMine} (or of {@code open} when no mine is chosen): carried
     * forward from the mine's last filed quarter, else from that draft (CarryForward: licences, opening balance =
     * last closing balance, cumulative areas).
     */
    public Draft next(String ofMine, DraftDocument open, LocalDate today) throws IOException {
        DraftDocument base = open;
        if (ofMine != null) {
            DraftStore.Loaded l = store.load(ofMine);
            if (!(l instanceof DraftStore.Loaded.Ok ok)) {
                throw new IOException("draft " + ofMine + " cannot be read");
            }
            DraftDocument mine = ok.draft().document();
            DraftDocument filed = store.lastFiled(mine.text("enterprise.uscc"), mine.text("licences.mining.number"),
                    "");
            base = filed != null ? filed : mine;
        }
        DraftDocument next = CarryForward.next(base);
        next.set("period", DraftDocument.NODES.textNode(Deadlines.dueQuarter(today).toString()));
        return store.create(next);
    }

    /** A new draft that amends the filed quarter {@code filedId} (its receipt), with copies of its attachments. */
    public Draft amend(String filedId) throws IOException {
        Receipts.Stored r = store.receipt(filedId);
        if (r == null) {
            throw new IOException(filedId + " is not filed: there is no receipt to amend");
        }
        DraftStore.Loaded l = store.load(filedId);
        if (!(l instanceof DraftStore.Loaded.Ok ok)) {
            throw new IOException("draft " + filedId + " cannot be read");
        }
        DraftDocument d = ok.draft().document().snapshot();
        d.set("amends", DraftDocument.NODES.textNode(r.receiptId()));
        Draft draft = store.create(d);
        Path src = store.attachmentsDir(filedId);
        if (Files.isDirectory(src)) {
            Files.createDirectories(store.attachmentsDir(draft.id()));
            try (var s = Files.list(src)) {
                for (Path p : s.toList()) {
                    Files.copy(p, store.attachmentsDir(draft.id()).resolve(p.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return draft;
    }
}
