package org.minedecl.client.desktop;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.io.PrintWriter;
import java.io.StringWriter;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JToggleButton;

/**
 * An error as a clerk can act on it: one plain sentence; the technical detail folded away behind "details";
 * "copy diagnostics" puts versions, settings and the last errors on the clipboard.
 */
public final class ErrorDialog {
    private ErrorDialog() {
    }

    public static void show(Component parent, String sentence, Throwable cause, Settings settings) {
        Diagnostics.record(sentence, cause);
        JPanel p = new JPanel(new BorderLayout(0, 8));
        JLabel text = new JLabel("<html><div style='width:380px'>" + escape(sentence) + "</div></html>");
        text.setName("error.sentence");
        p.add(text, BorderLayout.NORTH);
        StringWriter sw = new StringWriter();
        if (cause != null) {
            cause.printStackTrace(new PrintWriter(sw));
        }
        JTextArea detail = new JTextArea(sw.toString(), 10, 60);
        detail.setEditable(false);
        JScrollPane sp = new JScrollPane(detail);
        sp.setVisible(false);
        JToggleButton more = new JToggleButton(Texts.get("error.details"));
        more.setEnabled(cause != null);
        more.addActionListener(e -> {
            sp.setVisible(more.isSelected());
            javax.swing.SwingUtilities.getWindowAncestor(p).pack();
        });
        JButton copy = new JButton(Texts.get("action.copyDiagnostics"));
        copy.setName("error.copyDiagnostics");
        copy.addActionListener(e -> copyDiagnostics(settings));
        JPanel buttons = new JPanel();
        buttons.add(more);
        buttons.add(copy);
        p.add(buttons, BorderLayout.CENTER);
        p.add(sp, BorderLayout.SOUTH);
        p.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        JOptionPane.showMessageDialog(parent, p, Texts.get("error.title"), JOptionPane.ERROR_MESSAGE);
    }

    /** A plain message (no error). */
    public static void info(Component parent, String sentence) {
        JOptionPane.showMessageDialog(parent, sentence, Texts.get("app.title"), JOptionPane.INFORMATION_MESSAGE);
    }

    public static void copyDiagnostics(Settings settings) {
        Toolkit.getDefaultToolkit().getSystemClipboard().setContents(
                new StringSelection(Diagnostics.report(settings)), null);
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
