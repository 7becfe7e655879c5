package org.minedecl.client.desktop.sign;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.SwingWorker;
import net.miginfocom.swing.MigLayout;
import org.minedecl.client.app.session.ServerSession;
import org.minedecl.client.app.status.StatusService;
import org.minedecl.client.app.support.ClientErrors;
import org.minedecl.client.desktop.DesktopContext;
import org.minedecl.client.desktop.Diagnostics;
import org.minedecl.client.desktop.ErrorDialog;
import org.minedecl.client.desktop.Texts;
import org.minedecl.shared.signature.SignerSource;
import org.minedecl.shared.signature.SigningCredential;

/**
 * "Refresh status": what the regulator decided on the filed quarters (returned, abnormal list), asked of the server
 * in a certificate login with the enterprise's key. The session of this run is used again while the server takes
 * its token; otherwise a dialog asks for the key (the same choice of PKCS#12 file or USB key as signing). After an
 * upload the key just used logs in and the filed quarter is refreshed at once.
 */
public final class StatusRefresh {
    private StatusRefresh() {
    }

    /** On the signing worker, after an accepted upload: failures are only recorded (the filing itself is done). */
    static void afterUpload(DesktopContext ctx, SigningCredential credential, String id) {
        try {
            ServerSession s = ServerSession.login(ctx.server, credential, ctx.clock);
            ctx.session = s;
            ctx.status.refresh(s, List.of(id));
        } catch (ServerSession.SessionException | java.io.IOException | RuntimeException e) {
            Diagnostics.record("status not refreshed after the upload", e);
        }
    }

    /** The result in one line. */
    public static String summary(StatusService.Refreshed r) {
        return Texts.get("refresh.done", r.updated().size(), r.returned().size())
                + (r.notVisible().isEmpty() ? "" : " " + Texts.get("refresh.notVisible", r.notVisible().size()));
    }

    /**
     * Refreshes every filed quarter: with this run's session, or after a certificate login; {@code done} gets the
     * line to show once the quarters list should be read again.
     */
    public static void run(DesktopContext ctx, JFrame frame, Consumer<String> done) {
        ServerSession s = ctx.session;
        if (s == null) {
            new Login(ctx, frame, done).show();
            return;
        }
        new SwingWorker<StatusService.Refreshed, Void>() {
            @Override
            protected StatusService.Refreshed doInBackground() throws Exception {
                return ctx.status.refresh(s, null);
            }

            @Override
            protected void done() {
                try {
                    done.accept(summary(get()));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ServerSession.SessionException se && se.status() == 401) {
                        ctx.session = null; // the token expired: log in again
                        new Login(ctx, frame, done).show();
                    } else {
                        ErrorDialog.show(frame, Texts.get("refresh.failed", ClientErrors.oneLine(e.getCause())),
                                e.getCause(), ctx.settings);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    /** The login dialog: the key, then "log in and refresh". */
    static final class Login {
        private final DesktopContext ctx;
        private final JFrame frame;
        private final Consumer<String> done;
        private final JDialog dialog;
        private final KeyChooser key;
        private final JLabel status = new JLabel(" ");
        private final JButton go = new JButton(Texts.get("login.go"));
        private final JButton cancel = new JButton(Texts.get("sign.cancel"));

        Login(DesktopContext ctx, JFrame frame, Consumer<String> done) {
            this.ctx = ctx;
            this.frame = frame;
            this.done = done;
            dialog = new JDialog(frame, Texts.get("login.title"), true);
            dialog.setName("login.dialog");
            key = new KeyChooser(ctx, dialog);
            JPanel p = new JPanel(new MigLayout("wrap 3, insets 16, fillx", "[right][grow,fill][]"));
            JLabel note = new JLabel("<html><div style='width:520px'>" + SignAndSubmit.esc(Texts.get("login.note",
                    ctx.server)) + "</div></html>");
            p.add(note, "span 3, growx, left");
            key.addTo(p);
            status.setName("login.status");
            go.setName("login.go");
            cancel.setName("login.cancel");
            p.add(status, "span 3, growx, left, gaptop 8");
            p.add(go, "span 3, split 2, right, gaptop 8");
            p.add(cancel);
            go.addActionListener(e -> login());
            cancel.addActionListener(e -> dialog.dispose());
            dialog.setContentPane(p);
            dialog.pack();
            dialog.setLocationRelativeTo(frame);
        }

        void show() {
            dialog.setVisible(true);
        }

        private void login() {
            char[] secret = key.secret();
            SignerSource source;
            try {
                source = key.source(secret);
            } catch (java.io.IOException e) {
                ErrorDialog.show(dialog, Texts.get("sign.keyFailed", ClientErrors.oneLine(e)), e, ctx.settings);
                return;
            }
            go.setEnabled(false);
            status.setText(Texts.get("login.working"));
            new SwingWorker<StatusService.Refreshed, Void>() {
                @Override
                protected StatusService.Refreshed doInBackground() throws Exception {
                    SigningCredential c;
                    try {
                        c = ctx.filing.signing().open(source);
                    } finally {
                        java.util.Arrays.fill(secret, '\0');
                    }
                    ServerSession s = ServerSession.login(ctx.server, c, ctx.clock);
                    ctx.session = s;
                    return ctx.status.refresh(s, null);
                }

                @Override
                protected void done() {
                    go.setEnabled(true);
                    try {
                        StatusService.Refreshed r = get();
                        dialog.dispose();
                        done.accept(summary(r));
                    } catch (ExecutionException e) {
                        Throwable c = e.getCause();
                        String line = c instanceof ServerSession.SessionException se && se.status() == 401
                                ? Texts.get("login.refused") : c instanceof ServerSession.SessionException
                                ? Texts.get("refresh.failed", ClientErrors.oneLine(c))
                                : Texts.get("sign.keyFailed", ClientErrors.oneLine(c));
                        status.setText(line);
                        ErrorDialog.show(dialog, line, c, ctx.settings);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }.execute();
        }
    }
}
