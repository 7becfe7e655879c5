package org.minedecl.client.desktop.sign;

import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JRadioButton;
import javax.swing.JTextField;
import javax.swing.SwingWorker;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.tokens.Pkcs11Tokens;
import org.minedecl.client.app.tokens.TokenRef;
import org.minedecl.client.desktop.DesktopContext;
import org.minedecl.client.desktop.Diagnostics;
import org.minedecl.client.desktop.Texts;
import org.minedecl.shared.signature.SignerSource;

/**
 * Choosing the enterprise's key, for signing and for a certificate login alike: a PKCS#12 file with its password,
 * or a PKCS#11 token (every slot of every library searched, "search again") with its PIN, the dialog saying which
 * PIN is wanted and, when the token reports it, that a wrong try may lock it. The demo's certificate is filled in
 * for the demo.
 */
final class KeyChooser {
    private final Window owner;
    final JRadioButton p12 = new JRadioButton(Texts.get("sign.p12"), true);
    final JRadioButton p11 = new JRadioButton(Texts.get("sign.p11"));
    final JTextField p12File = new JTextField(28);
    final JPasswordField p12Password = new JPasswordField(16);
    final JTextField p11Config = new JTextField(28);
    final JPasswordField p11Pin = new JPasswordField(16);
    final JComboBox<Object> tokens = new JComboBox<>();
    final JButton search = new JButton(Texts.get("sign.p11.search"));
    final JLabel pinPrompt = new JLabel(" ");

    KeyChooser(DesktopContext ctx, Window owner) {
        this.owner = owner;
        p12.setName("sign.p12");
        p11.setName("sign.p11");
        p12File.setName("sign.p12.file");
        p12Password.setName("sign.p12.password");
        p11Config.setName("sign.p11.config");
        p11Pin.setName("sign.p11.pin");
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
        ButtonGroup g = new ButtonGroup();
        g.add(p12);
        g.add(p11);
        Path demo = ctx.store.home().resolve("demo");
        if (ctx.demo && Files.isRegularFile(demo.resolve("enterprise.p12"))) {
            p12File.setText(demo.resolve("enterprise.p12").toString());
            try {
                p12Password.setText(Files.readString(demo.resolve("enterprise.pass")).strip());
            } catch (java.io.IOException e) {
                Diagnostics.record("demo password not read", e);
            }
        }
    }

    /** Adds the rows to a {@code wrap 3} MigLayout panel. */
    void addTo(JPanel p) {
        JButton browse12 = new JButton("…");
        browse12.addActionListener(e -> choose(p12File));
        JButton browse11 = new JButton("…");
        browse11.addActionListener(e -> choose(p11Config));
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
    }

    /** The password or PIN typed (the caller clears it after use). */
    char[] secret() {
        return p12.isSelected() ? p12Password.getPassword() : p11Pin.getPassword();
    }

    /** Where the key is, with {@code secret}. */
    SignerSource source(char[] secret) throws java.io.IOException {
        return p12.isSelected() ? new SignerSource.Pkcs12File(Path.of(p12File.getText().strip()), secret, null)
                : p11Config.getText().isBlank() && tokens.getSelectedItem() instanceof Token t
                ? t.ref().signerSource(secret, null)
                : new SignerSource.Pkcs11Token(Path.of(p11Config.getText().strip()), secret, null);
    }

    private void choose(JTextField f) {
        JFileChooser fc = new JFileChooser();
        if (fc.showOpenDialog(owner) == JFileChooser.APPROVE_OPTION) {
            f.setText(fc.getSelectedFile().getPath());
        }
    }

    private static Language language() {
        return Language.of(Texts.locale().getLanguage());
    }

    /** A token of the list: its name as the user knows it. */
    record Token(TokenRef ref) {
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
        new SwingWorker<Pkcs11Tokens.Discovery, Void>() {
            @Override
            protected Pkcs11Tokens.Discovery doInBackground() {
                return new Pkcs11Tokens(Pkcs11Tokens.DEFAULT_TIME_LIMIT).discover();
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
                        pinPrompt.setText("<html><div style='width:380px'>" + SignAndSubmit.esc(
                                Texts.get("sign.p11.noneHelp")) + d.problems().stream().map(x -> "<br>"
                                + SignAndSubmit.esc(x.message(language()))).reduce("", String::concat)
                                + "</div></html>");
                    }
                } catch (ExecutionException e) {
                    tokens.addItem(Texts.get("sign.p11.none"));
                    Diagnostics.record("token search failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                // no pack(): the buttons stay where the user's pointer is
                owner.validate();
            }
        }.execute();
    }

    /** Which PIN is wanted, and the token's warning (a wrong try may lock it) when it reports one. */
    private void showPinInfo() {
        if (tokens.getSelectedItem() instanceof Token t) {
            p11.setSelected(true);
            String prompt = t.ref().pin().prompt(language(), t.ref().label());
            String warn = t.ref().pin().warning(language()).orElse("");
            pinPrompt.setText("<html><div style='width:380px'>" + SignAndSubmit.esc(prompt) + (warn.isEmpty() ? ""
                    : "<br><b><font color='#b91c1c'>" + SignAndSubmit.esc(warn) + "</font></b>") + "</div></html>");
            owner.validate();
        }
    }
}
