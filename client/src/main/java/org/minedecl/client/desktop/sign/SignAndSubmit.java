package org.minedecl.client.desktop.sign;

import java.awt.Dimension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JRadioButton;
import javax.swing.JTextField;
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
    private final JRadioButton p12 = new JRadioButton(Texts.get("sign.p12"), true);
    private final JRadioButton p11 = new JRadioButton(Texts.get("sign.p11"));
    private final JTextField p12File = new JTextField(28);
    private final JPasswordField p12Password = new JPasswordField(16);
    private final JTextField p11Config = new JTextField(28);
    private final JPasswordField p11Pin = new JPasswordField(16);
    private final javax.swing.JComboBox<Object> tokens = new javax.swing.JComboBox<>();
    private final JButton search = new JButton(Texts.get("sign.p11.search"));
    private final JLabel pinPrompt = new JLabel(" ");
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
        p12.setName("sign.p12");
        p11.setName("sign.p11");
        p12File.setName("sign.p12.file");
        p12Password.setName("sign.p12.password");
        p11Config.setName("sign.p11.config");
        p11Pin.setName("sign.p11.pin");
        certificate.setName("sign.certificate");
        tokens.setName("sign.p11.token");
        search.setName("sign.p11.search");
        pinPrompt.setName("sign.p11.pinPrompt");
        search.addActionListener(e -> searchTokens());
        // choosing the USB key searches every slot, once; "search again" repeats it
        p11.addActionListener(e -> {
            if (tokens.getItemCount() == 0) {
                searchTokens();
            }
        });
        tokens.addActionListener(e -> showPinInfo());
        flags.setName("sign.flags");
        status.setName("sign.status");
        progress.setName("sign.progress");
        read.setName("sign.read");
        go.setName("sign.go");
        cancel.setName("sign.cancel");
        ButtonGroup g = new ButtonGroup();
        g.add(p12);
        g.add(p11);
        JButton browse12 = new JButton("…");
        browse12.addActionListener(e -> choose(p12File));
        JButton browse11 = new JButton("…");
        browse11.addActionListener(e -> choose(p11Config));
        Path demo = ctx.store.home().resolve("demo");
        if (ctx.demo && Files.isRegularFile(demo.resolve("enterprise.p12"))) {
            p12File.setText(demo.resolve("enterprise.p12").toString());
            try {
                p12Password.setText(Files.readString(demo.resolve("enterprise.pass")).strip());
            } catch (java.io.IOException e) {
                Diagnostics.record("demo password not read", e);
            }
        }
        JPanel p = new JPanel(new MigLayout("wrap 3, insets 16, fillx", "[right][grow,fill][]"));
        JLabel what = new JLabel(editor.document().text("mine.name") + "  " + editor.document().text("period"));
        what.putClientProperty("FlatLaf.styleClass", "h3");
        p.add(what, "span 3, left");
        p.add(flags, "span 3, growx, left");
        p.add(p12, "span 3, left");
        p.add(new JLabel(Texts.get("sign.p12.file")));
        p.add(p12File);
        p.add(browse12);
        p.add(new JLabel(Texts.get("sign.p12.password")));
        p.add(p12Password, "span 2");
        p.add(p11, "span 3, left, gaptop 8");
        p.add(new JLabel(Texts.get("sign.p11.token")));
        p.add(tokens);
        p.add(search);
        p.add(new JLabel(Texts.get("sign.p11.config")));
        p.add(p11Config);
        p.add(browse11);
        p.add(new JLabel(Texts.get("sign.p11.pin")));
        p.add(p11Pin, "span 2");
        pinPrompt.putClientProperty("FlatLaf.styleClass", "small");
        pinPrompt.setText(Texts.get("sign.p11.pinNote"));
        p.add(pinPrompt, "skip 1, span 2");
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

    private void choose(JTextField f) {
        JFileChooser fc = new JFileChooser();
        if (fc.showOpenDialog(dialog) == JFileChooser.APPROVE_OPTION) {
            f.setText(fc.getSelectedFile().getPath());
        }
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
        char[] secret = p12.isSelected() ? p12Password.getPassword() : p11Pin.getPassword();
        SignerSource source;
        try {
            source = p12.isSelected() ? new SignerSource.Pkcs12File(Path.of(p12File.getText().strip()), secret, null)
                    : p11Config.getText().isBlank() && tokens.getSelectedItem() instanceof Token t
                    ? t.ref().signerSource(secret, null)
                    : new SignerSource.Pkcs11Token(Path.of(p11Config.getText().strip()), secret, null);
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
        DateTimeFormatter d = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));
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

    /** A token of the list: its name as the user knows it. */
    record Token(org.minedecl.client.app.tokens.TokenRef ref) {
        @Override
        public String toString() {
            return ref.displayName();
        }
    }

    /** Searches every slot of every PKCS#11 library on a worker, each within a time limit ("search again"). */
    void searchTokens() {
        search.setEnabled(false);
        tokens.removeAllItems();
        tokens.addItem(Texts.get("sign.p11.searching"));
        new SwingWorker<org.minedecl.client.app.tokens.Pkcs11Tokens.Discovery, Void>() {
            @Override
            protected org.minedecl.client.app.tokens.Pkcs11Tokens.Discovery doInBackground() {
                return new org.minedecl.client.app.tokens.Pkcs11Tokens(
                        org.minedecl.client.app.tokens.Pkcs11Tokens.DEFAULT_TIME_LIMIT).discover();
            }

            @Override
            protected void done() {
                search.setEnabled(true);
                tokens.removeAllItems();
                try {
                    var d = get();
                    d.tokens().forEach(t -> tokens.addItem(new Token(t)));
                    if (d.tokens().isEmpty()) {
                        tokens.addItem(Texts.get("sign.p11.none"));
                        pinPrompt.setText("<html><div style='width:380px'>" + esc(Texts.get("sign.p11.noneHelp"))
                                + d.problems().stream().map(x -> "<br>" + esc(x.message(language())))
                                .reduce("", String::concat) + "</div></html>");
                    }
                } catch (ExecutionException e) {
                    tokens.addItem(Texts.get("sign.p11.none"));
                    Diagnostics.record("token search failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                // no pack(): the buttons stay where the user's pointer is
                dialog.validate();
            }
        }.execute();
    }

    /** Which PIN is wanted, and the token's warning (a wrong try may lock it) when it reports one. */
    private void showPinInfo() {
        if (tokens.getSelectedItem() instanceof Token t) {
            p11.setSelected(true);
            String prompt = t.ref().pin().prompt(language(), t.ref().label());
            String warn = t.ref().pin().warning(language()).orElse("");
            pinPrompt.setText("<html><div style='width:380px'>" + esc(prompt) + (warn.isEmpty() ? ""
                    : "<br><b><font color='#b91c1c'>" + esc(warn) + "</font></b>") + "</div></html>");
            dialog.validate();
        }
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
        SubmissionService service = SubmissionService.to(ctx.server);
        running = new SwingWorker<DraftFiling.Filed, Void>() {
            @Override
            protected DraftFiling.Filed doInBackground() throws Exception {
                ctx.filing.sign(id, ready, credential, listener);
                return ctx.filing.submit(id, service, listener, cancellation);
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
