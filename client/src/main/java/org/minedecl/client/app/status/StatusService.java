package org.minedecl.client.app.status;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.client.app.session.ServerSession;

/**
 * Asks the server, in a certificate-login session of the enterprise (or its consultant), what became of each
 * filed quarter of the drafts folder: {@code GET /api/v1/submissions/{receiptId}} (status, amended by),
 * {@code .../decisions} (the regulator's decisions) and {@code GET /api/v1/abnormal-list} (its entries), and keeps
 * the answer beside the draft ({@link DraftStore#serverStatusFile}); the quarters list then shows "returned by the
 * regulator" for a RETURN. A quarter the server does not show this caller (another enterprise's key) is left as
 * it was.
 */
public final class StatusService {
    private final DraftStore store;
    private final BusinessClock clock;

    public StatusService(DraftStore store, BusinessClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What one refresh found. */
    public record Refreshed(List<String> updated, List<String> returned, List<String> notVisible) {
    }

    /** Refreshes every filed quarter (those with a receipt); {@code onlyIds} non-null: just those. */
    public Refreshed refresh(ServerSession session, List<String> onlyIds) throws ServerSession.SessionException,
            IOException {
        List<String> updated = new ArrayList<>();
        List<String> returned = new ArrayList<>();
        List<String> notVisible = new ArrayList<>();
        var abnormal = ServerSession.expect(session.get("/api/v1/abnormal-list"), 200, "abnormal list");
        for (DraftStore.DraftInfo i : store.list()) {
            if (i.receiptId() == null || !i.status().filed() || onlyIds != null && !onlyIds.contains(i.id())) {
                continue;
            }
            String path = "/api/v1/submissions/" + URLEncoder.encode(i.receiptId(), StandardCharsets.UTF_8);
            ServerSession.Answer sub = session.get(path);
            if (sub.status() == 404) {
                notVisible.add(i.id());
                continue;
            }
            var submission = ServerSession.expect(sub, 200, "submission " + i.receiptId());
            var decisions = ServerSession.expect(session.get(path + "/decisions"), 200, "decisions");
            FilingStatus s = FilingStatus.of(clock.now(), submission, decisions, abnormal, i.receiptId());
            DraftStore.writeAtomically(store.serverStatusFile(i.id()), s.toBytes());
            updated.add(i.id());
            if (s.returned()) {
                returned.add(i.id());
            }
        }
        return new Refreshed(updated, returned, notVisible);
    }
}
