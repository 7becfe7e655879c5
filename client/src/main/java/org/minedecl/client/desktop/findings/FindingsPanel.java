package org.minedecl.client.desktop.findings;

import java.awt.BorderLayout;
import java.awt.Component;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTree;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeCellRenderer;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;
import org.minedecl.client.app.drafts.DraftChecks;
import org.minedecl.client.desktop.Texts;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.Severity;

/**
 * The findings of the last check, grouped by severity (errors, flags, warnings), each with its rule id, message
 * and citation (文号 and clause); a click on one takes the user to its field. Above them, when there are FLAG
 * findings, what makes the quarter an abnormal-list candidate once filed and what would clear it.
 */
public final class FindingsPanel {
    private final JPanel panel = new JPanel(new BorderLayout(0, 4));
    private final JLabel summary = new JLabel(Texts.get("findings.checking"));
    private final DefaultMutableTreeNode root = new DefaultMutableTreeNode();
    private final JTree tree = new JTree(new DefaultTreeModel(root));
    private final JLabel flags = new JLabel();
    private List<Finding> shown = List.of();

    public FindingsPanel(Consumer<Finding> goTo) {
        summary.setName("findings.summary");
        tree.setName("findings.tree");
        tree.setRootVisible(false);
        tree.setRowHeight(0);
        tree.setShowsRootHandles(true);
        tree.setCellRenderer(new Renderer());
        tree.addTreeSelectionListener(e -> {
            TreePath p = e.getNewLeadSelectionPath();
            if (p != null && ((DefaultMutableTreeNode) p.getLastPathComponent()).getUserObject() instanceof Finding f) {
                goTo.accept(f);
            }
        });
        JLabel title = new JLabel(Texts.get("findings.title"));
        title.putClientProperty("FlatLaf.styleClass", "h3");
        JPanel top = new JPanel(new BorderLayout());
        top.add(title, BorderLayout.NORTH);
        top.add(summary, BorderLayout.CENTER);
        flags.setName("findings.flags");
        flags.putClientProperty("FlatLaf.styleClass", "flagNote");
        top.add(flags, BorderLayout.SOUTH);
        panel.add(top, BorderLayout.NORTH);
        panel.add(new JScrollPane(tree), BorderLayout.CENTER);
        panel.setBorder(javax.swing.BorderFactory.createEmptyBorder(8, 8, 8, 8));
    }

    public Component view() {
        return panel;
    }

    public void checking() {
        summary.setText(Texts.get("findings.checking"));
    }

    public void show(DraftChecks.Result result) {
        shown = result.findings();
        root.removeAllChildren();
        for (Severity s : List.of(Severity.ERROR, Severity.FLAG, Severity.WARNING)) {
            List<Finding> of = shown.stream().filter(f -> f.severity() == s).toList();
            if (of.isEmpty()) {
                continue;
            }
            DefaultMutableTreeNode group = new DefaultMutableTreeNode(Texts.get("severity." + s.name())
                    + " (" + of.size() + ")");
            of.forEach(f -> group.add(new DefaultMutableTreeNode(f)));
            root.add(group);
        }
        ((DefaultTreeModel) tree.getModel()).reload();
        for (int i = 0; i < tree.getRowCount(); i++) {
            tree.expandRow(i);
        }
        summary.setText(shown.isEmpty() ? Texts.get("findings.none") : Texts.get("findings.summary",
                result.count(Severity.ERROR), result.count(Severity.FLAG), result.count(Severity.WARNING)));
        List<Finding> fl = result.flags();
        if (fl.isEmpty()) {
            flags.setText("");
        } else {
            StringBuilder sb = new StringBuilder("<html><div style='width:230px'><b>")
                    .append(Texts.get("flags.title")).append("</b><ul>");
            for (Finding f : fl) {
                sb.append("<li>").append(f.ruleId()).append(": ").append(esc(message(f))).append("</li>");
            }
            sb.append("</ul>").append(esc(Texts.get("flags.clear"))).append("</div></html>");
            flags.setText(sb.toString());
        }
    }

    public List<Finding> findings() {
        return shown;
    }

    public JTree tree() {
        return tree;
    }

    static String message(Finding f) {
        return Texts.english() ? f.message().en() : f.message().zh();
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;");
    }

    /** A finding as one line: rule id in bold, the message, the citation in grey. */
    private static final class Renderer extends DefaultTreeCellRenderer {
        @Override
        public Component getTreeCellRendererComponent(JTree tree, Object value, boolean sel, boolean expanded,
                                                      boolean leaf, int row, boolean hasFocus) {
            super.getTreeCellRendererComponent(tree, value, sel, expanded, leaf, row, hasFocus);
            Object o = ((DefaultMutableTreeNode) value).getUserObject();
            setIcon(null);
            if (o instanceof Finding f) {
                setText("<html><div style='width:210px'><b>" + f.ruleId() + "</b> " + esc(message(f))
                        + (f.citation() == null ? "" : "<br><font color='#6b7280'>" + esc(f.citation()) + "</font>")
                        + "</div></html>");
            }
            return this;
        }
    }
}
