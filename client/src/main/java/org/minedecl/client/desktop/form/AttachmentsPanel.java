package org.minedecl.client.desktop.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.datatransfer.DataFlavor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.TransferHandler;
import javax.swing.filechooser.FileNameExtensionFilter;
import net.miginfocom.swing.MigLayout;
import org.minedecl.client.app.drafts.AttachmentFiles;
import org.minedecl.client.app.drafts.DraftDocument;
import org.minedecl.client.app.drafts.FieldKind;
import org.minedecl.client.desktop.Texts;
import org.minedecl.shared.declaration.AttachmentKind;

/**
 * The draft's attachments: added by a file chooser or by dropping files, checked to be PDF, JPG or PNG by their
 * content, sizes shown; the declaration's {@code attachments} list follows every change.
 */
public final class AttachmentsPanel {
    private final String draftId;
    private final DraftDocument doc;
    private final AttachmentFiles files;
    private final Consumer<String> onChange;
    private final JPanel panel = new JPanel(new MigLayout("wrap 5, insets 0", "[][130!][grow,fill][right][]"));
    private final JPanel rows = new JPanel(new MigLayout("wrap 5, insets 0", "[grow 0][130!][grow,fill][right][]"));
    private final JLabel message = new JLabel(" ");

    public AttachmentsPanel(String draftId, DraftDocument doc, AttachmentFiles files, Consumer<String> onChange) {
        this.draftId = draftId;
        this.doc = doc;
        this.files = files;
        this.onChange = onChange;
        panel.setName("attachments");
        JButton add = new JButton(Texts.get("attachments.add"));
        add.setName("attachments#add");
        add.addActionListener(e -> choose());
        JLabel drop = new JLabel(Texts.get("attachments.drop"));
        drop.putClientProperty("FlatLaf.styleClass", "small");
        panel.add(add, "span 5, split 2");
        panel.add(drop);
        panel.add(rows, "span 5, growx");
        message.setName("attachments.message");
        panel.add(message, "span 5");
        panel.setTransferHandler(new Drop());
        rows.setTransferHandler(panel.getTransferHandler());
        rebuild();
    }

    public JComponent view() {
        return panel;
    }

    private void choose() {
        JFileChooser fc = new JFileChooser();
        fc.setMultiSelectionEnabled(true);
        fc.setFileFilter(new FileNameExtensionFilter("PDF, JPG, PNG", "pdf", "jpg", "jpeg", "png"));
        if (fc.showOpenDialog(panel) == JFileChooser.APPROVE_OPTION) {
            addFiles(List.of(fc.getSelectedFiles()));
        }
    }

    /** Adds files (also the robot's and the drop's way in); refusals are shown below the list. */
    public void addFiles(List<File> chosen) {
        StringBuilder problems = new StringBuilder();
        for (File f : chosen) {
            try {
                AttachmentFiles.Added a = files.add(draftId, doc, f.toPath(), guessKind(f.getName()));
                if (!a.ok()) {
                    problems.append(problems.length() == 0 ? "" : " ").append(switch (a.refusal()) {
                        case NOT_PDF_JPG_PNG -> Texts.get("attachments.badType", f.getName());
                        case TOO_LARGE -> Texts.get("attachments.tooLarge", f.getName());
                        case DUPLICATE_NAME -> Texts.get("attachments.duplicate", f.getName());
                    });
                }
            } catch (IOException e) {
                problems.append(" ").append(f.getName()).append(": ").append(e.getMessage());
            }
        }
        message.setText(problems.length() == 0 ? " " : problems.toString());
        message.putClientProperty("FlatLaf.styleClass", problems.length() == 0 ? null : "shortfall");
        rebuild();
        onChange.accept("attachments");
    }

    static AttachmentKind guessKind(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.contains("licen") || n.contains("采矿")) {
            return AttachmentKind.MINING_LICENCE;
        }
        if (n.contains("deposit") || n.contains("fund") || n.contains("基金")) {
            return AttachmentKind.FUND_DEPOSIT_SLIP;
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png")) {
            return AttachmentKind.PHOTO;
        }
        return AttachmentKind.OTHER;
    }

    private void rebuild() {
        rows.removeAll();
        JsonNode list = doc.root().path("attachments");
        for (int i = 0; i < list.size(); i++) {
            int idx = i;
            String base = "attachments[" + i + "]";
            String path = list.get(i).path("path").asText();
            JLabel file = new JLabel(path.startsWith("attachments/") ? path.substring(12) : path);
            file.setName(base + ".path");
            FieldEditor kind = new FieldEditor(FieldSpec.choice(base + ".kind", AttachmentKind.class));
            kind.show(doc);
            kind.onEdit(e -> {
                doc.set(e.spec().path(), e.value());
                onChange.accept(e.spec().path());
            });
            JTextField title = new JTextField(doc.text(base + ".title"), 10);
            title.setName(base + ".title");
            title.getDocument().addDocumentListener(DeclarationForm.onText(() -> {
                doc.set(base + ".title", FieldKind.TEXT.toJson(title.getText()));
                onChange.accept(base + ".title");
            }));
            Path f = files.fileOf(draftId, path);
            JLabel size = new JLabel(f == null ? Texts.get("attachments.missing") : size(f));
            if (f == null) {
                size.putClientProperty("FlatLaf.styleClass", "shortfall");
            }
            JButton remove = new JButton("\u00d7");
            remove.setToolTipText(Texts.get("attachments.remove"));
            remove.setName(base + "#remove");
            remove.addActionListener(e -> {
                try {
                    files.remove(draftId, doc, idx);
                } catch (IOException ex) {
                    message.setText(ex.getMessage());
                }
                rebuild();
                onChange.accept("attachments");
            });
            rows.add(file);
            rows.add(kind.view(), "growx");
            rows.add(title, "growx, wmin 80");
            rows.add(size);
            rows.add(remove);
        }
        rows.revalidate();
        rows.repaint();
    }

    static String size(Path f) {
        try {
            long b = Files.size(f);
            return b < 1024 ? b + " B" : b < 1 << 20 ? String.format("%.1f KB", b / 1024.0)
                    : String.format("%.1f MB", b / 1048576.0);
        } catch (IOException e) {
            return "?";
        }
    }

    /** Files dropped on the list. */
    private final class Drop extends TransferHandler {
        @Override
        public boolean canImport(TransferSupport s) {
            return s.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
        }

        @Override
        @SuppressWarnings("unchecked")
        public boolean importData(TransferSupport s) {
            try {
                addFiles((List<File>) s.getTransferable().getTransferData(DataFlavor.javaFileListFlavor));
                return true;
            } catch (Exception e) {
                JOptionPane.showMessageDialog(panel, e.getMessage());
                return false;
            }
        }
    }
}
