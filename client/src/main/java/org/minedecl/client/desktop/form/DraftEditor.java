package org.minedecl.client.desktop.form;

import java.awt.BorderLayout;
import java.io.IOException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.SwingUtilities;
import org.minedecl.client.app.drafts.Draft;
import org.minedecl.client.app.drafts.DraftChecks;
import org.minedecl.client.app.drafts.DraftDocument;
import org.minedecl.client.desktop.DesktopContext;
import org.minedecl.client.desktop.Diagnostics;
import org.minedecl.client.desktop.Texts;
import org.minedecl.client.desktop.findings.FindingsPanel;
import org.minedecl.shared.rules.History;

/**
 * One open draft: the form on the left, its findings on the right. Every edit is saved by the autosaver and
 * checked again by the rule engine on a background thread; only the newest check's result is shown.
 */
public final class DraftEditor {
    /** One checking thread for all editors: a check takes about a millisecond, and edits come one at a time. */
    private static final ExecutorService CHECKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "minedecl-check");
        t.setDaemon(true);
        return t;
    });

    private final DesktopContext ctx;
    private final Draft draft;
    private final DeclarationForm form;
    private final FindingsPanel findings;
    private final JPanel view = new JPanel(new BorderLayout());
    private final JLabel saved = new JLabel(" ");
    private final AtomicLong generation = new AtomicLong();
    private volatile History history = History.NONE;
    private DraftChecks.Result last;
    private Consumer<DraftEditor> onChecked = e -> { };
    private Consumer<DraftEditor> onEdited = e -> { };

    public DraftEditor(DesktopContext ctx, Draft draft) {
        this.ctx = ctx;
        this.draft = draft;
        AttachmentsPanel attachments = new AttachmentsPanel(draft.id(), draft.document(), ctx.attachments,
                this::changed);
        this.form = new DeclarationForm(draft.document(), attachments.view(), this::changed);
        this.findings = new FindingsPanel(f -> form.goTo(f.path() == null ? "" : f.path()));
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, form.view(), findings.view());
        split.setResizeWeight(0.7);
        findings.view().setPreferredSize(new java.awt.Dimension(300, 400));
        findings.view().setMinimumSize(new java.awt.Dimension(260, 100));
        form.view().setMinimumSize(new java.awt.Dimension(400, 100));
        form.view().setPreferredSize(new java.awt.Dimension(600, 400));
        split.setBorder(null);
        view.add(split, BorderLayout.CENTER);
        saved.setName("draft.saved");
        saved.putClientProperty("FlatLaf.styleClass", "small");
        view.add(saved, BorderLayout.SOUTH);
        view.setName("draft:" + draft.id());
        ctx.autosaver.onSaved(() -> SwingUtilities.invokeLater(() -> saved.setText(
                Texts.get("saved", LocalTime.now(ctx.clock.withZone(org.minedecl.client.app.BusinessClock.ZONE))
                        .format(DateTimeFormatter.ofPattern("HH:mm:ss"))))));
        CHECKER.submit(() -> {
            try {
                history = ctx.store.filedHistory(draft.document().snapshot());
            } catch (IOException | RuntimeException e) {
                Diagnostics.record("previous quarter not read", e);
            }
        });
        check();
    }

    public JComponent view() {
        return view;
    }

    public Draft draft() {
        return draft;
    }

    public DraftDocument document() {
        return draft.document();
    }

    public DeclarationForm form() {
        return form;
    }

    public FindingsPanel findings() {
        return findings;
    }

    /** The result of the newest finished check (null before the first). */
    public DraftChecks.Result lastCheck() {
        return last;
    }

    public void onChecked(Consumer<DraftEditor> c) {
        this.onChecked = c;
    }

    public void onEdited(Consumer<DraftEditor> c) {
        this.onEdited = c;
    }

    /** Called on the event thread after every edit of the draft. */
    void changed(String path) {
        ctx.autosaver.changed(draft.id(), draft.document());
        onEdited.accept(this);
        check();
    }

    /** Checks a snapshot of the draft off the event thread; the newest result is shown on it. */
    public void check() {
        long gen = generation.incrementAndGet();
        DraftDocument snapshot = draft.document().snapshot();
        findings.checking();
        CHECKER.submit(() -> {
            if (generation.get() != gen) {
                return; // a newer edit is queued; check that one instead
            }
            DraftChecks.Result r;
            try {
                r = ctx.checks.check(snapshot, ctx.today(), history);
            } catch (RuntimeException e) {
                Diagnostics.record("check failed", e);
                return;
            }
            SwingUtilities.invokeLater(() -> {
                if (generation.get() == gen) {
                    last = r;
                    findings.show(r);
                    form.mark(r.findings());
                    onChecked.accept(this);
                }
            });
        });
    }

    /** Shows the draft's values again after a change made outside the form. */
    public void reload() {
        form.reload();
        check();
    }
}
