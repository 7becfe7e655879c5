package org.minedecl.client.desktop.sign;

import java.awt.Dimension;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import net.miginfocom.swing.MigLayout;
import org.minedecl.client.app.Cancellation;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.ProgressListener;
import org.minedecl.client.app.drafts.DraftFiling;
import org.minedecl.client.app.drafts.DraftStatus;
import org.minedecl.client.app.signing.CertificateInfo;
import org.minedecl.client.app.signing.Preparation;
import org.minedecl.client.app.submission.SubmissionResult;
import org.minedecl.client.app.submission.SubmissionService;
import org.minedecl.client.desktop.DesktopContext;
import org.minedecl.client.desktop.Diagnostics;
import org.minedecl.client.desktop.ErrorDialog;
import org.minedecl.client.desktop.Texts;
import org.minedecl.client.desktop.form.DraftEditor;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.signature.SignerException;
import org.minedecl.shared.signature.SignerSource;
import org.minedecl.shared.signature.SigningCredential;

/**
 * The sign-and-submit dialog: the key (a PKCS#12 file with its password, or a PKCS#11 token with its PIN), the
 * certificate's holder, USCC and validity and whether it fits the declaration, the FLAGs the filing will carry;
 * then signing and upload on a worker with a progress bar and cancel. An unreachable server leaves the package in
 * the outbox; an accepted one's receipt is verified and kept beside the draft.
 */
public final class SignAndSubmit {
    private final DesktopContext ctx;
    private final JFrame frame;
    private final DraftEditor editor;
    private final Runnable done;
    private final JDialog dialog;
    private final KeyChooser key;
    private final JLabel certificate = new JLabel(" ");
    private final JLabel flags = new JLabel(" ");
    private final JLabel status = new JLabel(" ");
    private final JProgressBar progress = new JProgressBar(0, 1000);
    private final JButton read = new JButton(Texts.get("sign.read"));
    private final JButton go = new JButton(Texts.get("sign.go"));
    private final JButton cancel = new JButton(Texts.get("sign.cancel"));
    private final Cancellation cancellation = new Cancellation();
    private Preparation.Ready ready;
    private SigningCredential credential;
    private SwingWorker<?, ?> running;

    public SignAndSubmit(DesktopContext ctx, JFrame frame, DraftEditor editor, Runnable done) {
        this.ctx = ctx;
        this.frame = frame;
        this.editor = editor;
        this.done = done;
        this.dialog = new JDialog(frame, Texts.get("sign.title"), true);
        dialog.setName("sign.dialog");
        key = new KeyChooser(ctx, dialog);
        certificate.setName("sign.certificate");
        flags.setName("sign.flags");
        status.setName("sign.status");
        progress.setName("sign.progress");
        read.setName("sign.read");
        go.setName("sign.go");
        cancel.setName("sign.cancel");
        JPanel p = new JPanel(new MigLayout("wrap 3, insets 16, fillx", "[right][grow,fill][]"));
        JLabel what = new JLabel(editor.document().text("mine.name") + "  " + editor.document().text("period"));
        what.putClientProperty("FlatLaf.styleClass", "h3");
        p.add(what, "span 3, left");
        p.add(flags, "span 3, growx, left");
        key.addTo(p);
        p.add(read, "skip 1, span 2, left, gaptop 8");
        p.add(certificate, "span 3, growx, left");
        p.add(progress, "span 3, growx, gaptop 8");
        p.add(status, "span 3, growx, left");
        p.add(go, "span 3, split 2, right, gaptop 8");
        p.add(cancel);
        dialog.setContentPane(p);
        dialog.setMinimumSize(new Dimension(640, 420));
        read.addActionListener(e -> readCertificate());
        go.addActionListener(e -> signAndSubmit());
        cancel.addActionListener(e -> {
            if (running != null && !running.isDone()) {
                cancellation.cancel();
                status.setText(Texts.get("sign.cancelling"));
            } else {
                dialog.dispose();
            }
        });
        go.setEnabled(false);
        dialog.pack();
        dialog.setLocationRelativeTo(frame);
    }

    public JDialog dialog() {
        return dialog;
    }

    private Language language() {
        return Language.of(Texts.locale().getLanguage());
    }

    /** Prepares (the ERROR gate and the attachments) and shows the dialog; a draft in the outbox is sent again. */
    public void start() {
        if (ctx.store.status(editor.draft().id()) == DraftStatus.OUTBOX) {
            sendAgain();
            return;
        }
        ready = null;
        Preparation prep;
        try {
            prep = ctx.filing.prepare(editor.draft().id(), editor.document(),
                    ctx.store.previousFiled(editor.document()));
        } catch (java.io.IOException e) {
            ErrorDialog.show(frame, Texts.get("sign.failed", oneLine(e)), e, ctx.settings);
            return;
        }
        if (prep instanceof Preparation.Refused r) {
            ErrorDialog.show(frame, r.message(language()), null, ctx.settings);
            return;
        }
        ready = (Preparation.Ready) prep;
        List<Finding> fl = ready.flags();
        if (!fl.isEmpty()) {
            StringBuilder sb = new StringBuilder("<html><div style='width:520px'><b>" + Texts.get("flags.title")
                    + "</b><ul>");
            fl.forEach(f -> sb.append("<li>").append(f.ruleId()).append(": ")
                    .append(esc(language().pick(f.message()))).append("</li>"));
            flags.setText(sb.append("</ul>").append(esc(Texts.get("flags.clear"))).append("</div></html>").toString());
            flags.putClientProperty("FlatLaf.styleClass", "flagNote");
        }
        dialog.pack();
        dialog.setVisible(true);
    }

    /** Opens the key on a worker (a token may take seconds) and shows its certificate against the declaration. */
    void readCertificate() {
        char[] secret = key.secret();
        SignerSource source;
        try {
            source = key.source(secret);
        } catch (java.io.IOException e) {
            ErrorDialog.show(dialog, Texts.get("sign.keyFailed", oneLine(e)), e, ctx.settings);
            return;
        }
        read.setEnabled(false);
        go.setEnabled(false);
        status.setText(Texts.get("sign.reading"));
        progress.setIndeterminate(true);
        running = new SwingWorker<SigningCredential, Void>() {
            @Override
            protected SigningCredential doInBackground() throws Exception {
                try {
                    return ctx.filing.signing().open(source);
                } finally {
                    Arrays.fill(secret, '\0');
                }
            }

            @Override
            protected void done() {
                progress.setIndeterminate(false);
                read.setEnabled(true);
                try {
                    credential = get();
                    CertificateInfo info = ctx.filing.signing().describe(credential.certificate(),
                            ready.declaration());
                    showCertificate(info);
                } catch (ExecutionException e) {
                    status.setText(" ");
                    ErrorDialog.show(dialog, Texts.get("sign.keyFailed", oneLine(e.getCause())), e.getCause(),
                            ctx.settings);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        running.execute();
    }

    private void showCertificate(CertificateInfo info) {
        DateTimeFormatter d = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(org.minedecl.client.app.BusinessClock.ZONE);
        boolean ok = info.validity() == CertificateInfo.Validity.VALID && (info.matchesDeclaration()
                || info.signsAsPreparer());
        String verdict = info.validity() != CertificateInfo.Validity.VALID ? Texts.get("sign.cert."
                + info.validity().name()) : info.matchesDeclaration() ? Texts.get("sign.cert.matches")
                : info.signsAsPreparer() ? Texts.get("sign.cert.preparer")
                : Texts.get("sign.cert.mismatch", info.declaredUscc());
        certificate.setText("<html><div style='width:520px'>" + Texts.get("sign.cert.holder") + "：" + esc(info.holder())
                + "<br>" + Texts.get("sign.cert.uscc") + "：" + (info.uscc() == null ? "-" : info.uscc())
                + "<br>" + Texts.get("sign.cert.validity") + "：" + d.format(info.notBefore()) + " — "
                + d.format(info.notAfter()) + "<br><b><font color='" + (ok ? "#15803d" : "#b91c1c") + "'>"
                + esc(verdict) + "</font></b></div></html>");
        status.setText(" ");
        go.setEnabled(ok);
        dialog.pack();
    }

    /** Signs and uploads on a worker; the bar follows hashing, signing, writing and uploading. */
    void signAndSubmit() {
        go.setEnabled(false);
        read.setEnabled(false);
        String id = editor.draft().id();
        ProgressListener listener = (phase, doneUnits, total) -> SwingUtilities.invokeLater(() -> {
            status.setText(Texts.has("sign.phase." + phase) ? Texts.get("sign.phase." + phase) : phase);
            progress.setValue(total <= 0 ? 0 : (int) Math.min(1000, doneUnits * 1000 / total));
        });
        running = new SwingWorker<DraftFiling.Filed, Void>() {
            @Override
            protected DraftFiling.Filed doInBackground() throws Exception {
                ctx.filing.sign(id, ready, credential, listener);
                // made here: its HTTP client's classes load off the event thread
                DraftFiling.Filed f = ctx.filing.submit(id, SubmissionService.to(ctx.server), listener, cancellation);
                if (f.result() instanceof SubmissionResult.Accepted) {
                    // the quarter's status on the server (an abnormal-list entry for a FLAG), with the same key
                    StatusRefresh.afterUpload(ctx, credential, id);
                }
                return f;
            }

            @Override
            protected void done() {
                try {
                    showFiled(get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    String s = c instanceof SignerException ? Texts.get("sign.keyFailed", oneLine(c))
                            : Texts.get("sign.failed", oneLine(c));
                    status.setText(s);
                    ErrorDialog.show(dialog, s, c, ctx.settings);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                cancel.setText(Texts.get("action.close"));
                done.run();
            }
        };
        running.execute();
    }

    private void showFiled(DraftFiling.Filed f) {
        SubmissionResult r = f.result();
        progress.setValue(r instanceof SubmissionResult.Accepted ? 1000 : progress.getValue());
        if (r instanceof SubmissionResult.Accepted) {
            String st = Texts.get("status." + f.receipt().status().name());
            status.setText("<html><div style='width:520px'><b>" + esc(Texts.get("sign.accepted",
                    f.receipt().receiptId(), st)) + "</b><br>" + esc(f.receiptVerified() ? Texts.get("sign.verified")
                    : Texts.get("sign.notVerified", String.valueOf(f.receiptProblem()))) + flagList(f.receipt()
                    .findings()) + "</div></html>");
        } else if (r instanceof SubmissionResult.Unavailable) {
            ctx.retry.nudge(); // from now on it is sent by itself
            status.setText("<html><div style='width:520px'>" + esc(Texts.get("sign.outbox")) + "<br>"
                    + esc(r.message(language())) + "</div></html>");
        } else if (r instanceof SubmissionResult.Refused refused) {
            status.setText("<html><div style='width:520px'><b>" + esc(Texts.get("sign.refused")) + "</b><br>"
                    + esc(refused.message(language())) + flagList(refused.findings()) + "</div></html>");
        } else {
            status.setText(esc(r.message(language())));
        }
        dialog.pack();
    }

    private String flagList(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<ul>");
        findings.forEach(x -> sb.append("<li>").append(x.ruleId()).append(" (").append(x.severity()).append("): ")
                .append(esc(language().pick(x.message()))).append("</li>"));
        return sb.append("</ul>").toString();
    }

    /** A draft waiting in the outbox: everything waiting is sent again, on a worker. */
    void sendAgain() {
        SubmissionService service = SubmissionService.to(ctx.server);
        new SwingWorker<List<DraftFiling.Filed>, Void>() {
            @Override
            protected List<DraftFiling.Filed> doInBackground() throws Exception {
                return ctx.filing.sendOutbox(service, ProgressListener.NONE, cancellation);
            }

            @Override
            protected void done() {
                try {
                    List<DraftFiling.Filed> sent = get();
                    ErrorDialog.info(frame, sent.isEmpty() ? Texts.get("sign.outboxEmpty")
                            : sent.get(sent.size() - 1).result().message(language()));
                } catch (ExecutionException e) {
                    ErrorDialog.show(frame, Texts.get("sign.failed", oneLine(e.getCause())), e.getCause(),
                            ctx.settings);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.run();
            }
        }.execute();
    }

    static String oneLine(Throwable t) {
        return org.minedecl.client.app.support.ClientErrors.oneLine(t);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
