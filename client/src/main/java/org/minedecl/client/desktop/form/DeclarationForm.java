package org.minedecl.client.desktop.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.awt.Component;
import java.awt.Rectangle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import net.miginfocom.swing.MigLayout;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.fields.FieldCatalog;
import org.minedecl.client.app.drafts.DraftDocument;
import org.minedecl.client.app.drafts.FieldKind;
import org.minedecl.client.desktop.Texts;
import org.minedecl.shared.rules.Finding;

/**
 * The declaration form: one tab per section of the document, labels, editors and units in a MigLayout grid.
 * It writes every edit into the draft and tells {@code onChange}; the fund's closing balance is computed here as
 * opening + deposited - used, with the shortfall against the required deposit shown as it happens.
 */
public final class DeclarationForm {
    private final DraftDocument doc;
    private final Consumer<String> onChange;
    private final JTabbedPane tabs = new JTabbedPane(JTabbedPane.LEFT);
    private static final int GREEN_MINE = FieldSpec.sectionOf("greenMine");
    private final Map<String, FieldEditor> editors = new LinkedHashMap<>();
    private final Map<String, JComponent> inputs = new HashMap<>();
    private final JLabel shortfall = new JLabel();
    private final JPanel milestones = new JPanel(new MigLayout("insets 0, wrap 4", "[120:200:, grow, fill][][][]"));
    private final JComponent attachments;
    private final List<JScrollPane> pages = new ArrayList<>();
    private final java.util.Set<Integer> built = new java.util.HashSet<>();
    private List<Finding> marked = List.of();

    public DeclarationForm(DraftDocument doc, JComponent attachmentsView, Consumer<String> onChange) {
        this.doc = doc;
        this.onChange = onChange;
        this.attachments = attachmentsView;
        tabs.setName("form.sections");
        // a section's fields are made when it is first shown (or a field of it is asked for): opening a draft
        // builds one page, not eight
        for (FieldSpec.Section s : FieldSpec.SECTIONS) {
            JScrollPane sp = new JScrollPane(null, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
                    JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
            sp.getVerticalScrollBar().setUnitIncrement(16);
            sp.setBorder(null);
            pages.add(sp);
            tabs.addTab(Texts.get(s.key()), sp);
        }
        tabs.addChangeListener(e -> build(tabs.getSelectedIndex()));
        build(tabs.getSelectedIndex());
    }

    /** Makes section {@code i}'s fields (once), shows the draft's values in them and their findings. */
    private void build(int i) {
        if (i < 0 || built.contains(i)) {
            return;
        }
        built.add(i);
        FieldSpec.Section s = FieldSpec.SECTIONS.get(i);
        JPanel p = new WidthTracking(new MigLayout("wrap 2, insets 12 16 12 16", "[right]12[grow, left]"));
        for (FieldSpec f : s.fields()) {
            FieldEditor e = new FieldEditor(f);
            e.onEdit(this::edited);
            editors.put(f.path(), e);
            inputs.put(f.path(), e.input());
            JLabel l = new JLabel(FieldCatalog.standard().label(f.path(), Texts.english() ? Language.EN : Language.ZH));
            l.setLabelFor(e.input());
            p.add(l);
            if (f.kind() == FieldKind.TEXT) {
                p.add(e.view(), "growx, wmin 120, wmax 520");
            } else {
                p.add(e.view(), "split 2, w 170!");
                p.add(new JLabel(f.unitKey() == null || f.unitKey().equals("listedOnly") ? ""
                        : Texts.get(f.unitKey())));
            }
            e.show(doc);
        }
        if (s.key().equals("section.fund")) {
            editors.get("restorationFund.closingBalance").input().setEnabled(false);
            JLabel note = new JLabel("<html><div style='width:200px'>" + Texts.get("fund.computed")
                    + "</div></html>");
            note.putClientProperty("FlatLaf.styleClass", "small");
            p.add(note, "skip 1");
            shortfall.setName("fund.shortfall");
            p.add(shortfall, "skip 1");
            computeFund();
        }
        if (s.key().equals("section.greenMine")) {
            p.add(new JLabel(Texts.get("field.milestones")), "top");
            p.add(milestones, "growx");
            rebuildMilestones();
        }
        if (s.key().equals("section.attachments")) {
            p.setLayout(new MigLayout("insets 12 16 12 16, fill"));
            p.add(attachments, "grow");
        }
        pages.get(i).setViewportView(p);
        mark(marked);
    }

    /** Whether section {@code i}'s fields have been made (tests). */
    public boolean built(int i) {
        return built.contains(i);
    }

    public JComponent view() {
        return tabs;
    }

    /** Shows every value of the draft (after opening it, or a change not made by typing). */
    public void reload() {
        editors.values().forEach(e -> e.show(doc));
        if (built.contains(GREEN_MINE)) {
            rebuildMilestones();
        }
        computeFund();
    }

    private void edited(FieldEditor e) {
        doc.set(e.spec().path(), e.value());
        if (e.spec().path().startsWith("restorationFund.") && !e.spec().path().endsWith("closingBalance")) {
            // not inside the text field's notification: the closing balance is another field's document
            SwingUtilities.invokeLater(this::computeFund);
        }
        onChange.accept(e.spec().path());
    }

    /** Closing balance = opening + deposited - used when all three parse; the shortfall against required. */
    private void computeFund() {
        if (!built.contains(FieldSpec.sectionOf("restorationFund.closingBalance"))) {
            return; // computed when the section is first shown
        }
        BigDecimal opening = money("restorationFund.openingBalance");
        BigDecimal deposited = money("restorationFund.deposited");
        BigDecimal used = money("restorationFund.used");
        BigDecimal required = money("restorationFund.required");
        if (opening != null && deposited != null && used != null) {
            BigDecimal closing = opening.add(deposited).subtract(used);
            String shown = FieldKind.yuan(closing);
            FieldEditor c = editors.get("restorationFund.closingBalance");
            if (!shown.equals(c.rawText())) {
                c.setComputed(shown);
            }
        }
        if (required != null && deposited != null && required.compareTo(deposited) > 0) {
            shortfall.setText("<html><div style='width:200px'>" + Texts.get("fund.shortfall",
                    FieldKind.yuan(required), FieldKind.yuan(deposited), FieldKind.yuan(required.subtract(deposited)))
                    + "</div></html>");
            shortfall.putClientProperty("FlatLaf.styleClass", "shortfall");
        } else {
            shortfall.setText(required != null && deposited != null ? Texts.get("fund.noShortfall") : " ");
            shortfall.putClientProperty("FlatLaf.styleClass", "small");
        }
    }

    private BigDecimal money(String path) {
        JsonNode v = doc.get(path);
        return v == null ? null : FieldKind.parseDecimal(v.asText());
    }

    // ---- milestones: rows of name, due date, done ----

    private void rebuildMilestones() {
        milestones.removeAll();
        JsonNode list = doc.root().path("greenMine").path("milestones");
        for (int i = 0; i < list.size(); i++) {
            int idx = i;
            String base = "greenMine.milestones[" + i + "]";
            JTextField name = new JTextField(doc.text(base + ".name"), 20);
            name.setName(base + ".name");
            name.getDocument().addDocumentListener(onText(() -> {
                doc.set(base + ".name", FieldKind.TEXT.toJson(name.getText()));
                onChange.accept(base + ".name");
            }));
            FieldEditor due = new FieldEditor(FieldSpec.date(base + ".due"));
            due.show(doc);
            due.onEdit(this::edited);
            editors.put(base + ".due", due);
            JCheckBox done = new JCheckBox(Texts.get("field.milestone.done"),
                    doc.get(base + ".done") != null && doc.get(base + ".done").asBoolean());
            done.setName(base + ".done");
            done.addActionListener(ev -> {
                doc.set(base + ".done", DraftDocument.NODES.booleanNode(done.isSelected()));
                onChange.accept(base + ".done");
            });
            JButton remove = new JButton("\u00d7");
            remove.setToolTipText(Texts.get("milestone.remove"));
            remove.setName(base + "#remove");
            remove.addActionListener(ev -> {
                ((ArrayNode) doc.root().path("greenMine").path("milestones")).remove(idx);
                editors.keySet().removeIf(k -> k.startsWith("greenMine.milestones["));
                rebuildMilestones();
                onChange.accept("greenMine.milestones");
            });
            milestones.add(name);
            milestones.add(due.view());
            milestones.add(done);
            milestones.add(remove);
            inputs.put(base + ".name", name);
            inputs.put(base + ".due", due.input());
            inputs.put(base + ".done", done);
        }
        JButton add = new JButton(Texts.get("milestone.add"));
        add.setName("greenMine.milestones#add");
        add.addActionListener(ev -> {
            int n = doc.root().path("greenMine").path("milestones").size();
            doc.set("greenMine.milestones[" + n + "].name", FieldKind.TEXT.toJson(""));
            doc.set("greenMine.milestones[" + n + "].done", DraftDocument.NODES.booleanNode(false));
            rebuildMilestones();
            onChange.accept("greenMine.milestones");
        });
        milestones.add(add, "span 4, left");
        milestones.revalidate();
        milestones.repaint();
    }

    /** A section's panel: as wide as the visible area, so fields shrink instead of scrolling sideways. */
    static final class WidthTracking extends JPanel implements javax.swing.Scrollable {
        WidthTracking(java.awt.LayoutManager layout) {
            super(layout);
        }

        @Override
        public java.awt.Dimension getPreferredScrollableViewportSize() {
            return getPreferredSize();
        }

        @Override
        public int getScrollableUnitIncrement(Rectangle r, int orientation, int direction) {
            return 16;
        }

        @Override
        public int getScrollableBlockIncrement(Rectangle r, int orientation, int direction) {
            return r.height - 32;
        }

        @Override
        public boolean getScrollableTracksViewportWidth() {
            return true;
        }

        @Override
        public boolean getScrollableTracksViewportHeight() {
            return false;
        }
    }

    static DocumentListener onText(Runnable r) {
        return new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                r.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                r.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                r.run();
            }
        };
    }

    // ---- findings on the fields, and going to a field ----

    /** Marks every field with the findings at its path. */
    public void mark(List<Finding> findings) {
        marked = findings;
        Map<String, List<Finding>> byPath = new HashMap<>();
        for (Finding f : findings) {
            byPath.computeIfAbsent(DraftDocument.fieldPath(f.path()), k -> new ArrayList<>()).add(f);
        }
        editors.forEach((path, e) -> e.mark(byPath.getOrDefault(path, List.of())));
    }

    /** Shows the section holding {@code path} and puts the cursor in its field (or its nearest parent's). */
    public boolean goTo(String path) {
        String p = DraftDocument.fieldPath(path);
        build(FieldSpec.sectionOf(p));
        JComponent c = null;
        while (!p.isEmpty() && (c = inputs.get(p)) == null) {
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        int section = FieldSpec.sectionOf(DraftDocument.fieldPath(path));
        build(section);
        tabs.setSelectedIndex(section);
        if (c == null) {
            return false;
        }
        JComponent target = c;
        SwingUtilities.invokeLater(() -> {
            Rectangle r = SwingUtilities.convertRectangle(target.getParent(), target.getBounds(),
                    (Component) pages.get(section).getViewport().getView());
            ((JComponent) pages.get(section).getViewport().getView()).scrollRectToVisible(r);
            target.requestFocusInWindow();
        });
        return true;
    }

    /** The editor of a field (its section is made first if it was not yet). */
    public FieldEditor editor(String path) {
        build(FieldSpec.sectionOf(path));
        return editors.get(path);
    }

    public JTabbedPane tabs() {
        return tabs;
    }
}
