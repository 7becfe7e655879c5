package org.minedecl.client.desktop.mines;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTree;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeCellRenderer;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;
import org.minedecl.client.app.drafts.DraftStatus;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.client.desktop.Texts;

/**
 * The mines the user files for, each with its quarters (drafts and filed ones) and their status: draft, signed,
 * in the outbox, ACCEPTED, FLAGGED, returned. A double click opens a quarter.
 */
public final class MinesPanel {
    private final DraftStore store;
    private final JPanel panel = new JPanel(new BorderLayout());
    private final DefaultMutableTreeNode root = new DefaultMutableTreeNode();
    private final JTree tree = new JTree(new DefaultTreeModel(root));
    private final JLabel empty = new JLabel(Texts.get("mines.empty"));

    /** A mine of the list: enterprise and mine name. */
    public record Mine(String uscc, String enterprise, String name) {
    }

    public MinesPanel(DraftStore store, Consumer<DraftStore.DraftInfo> open, Runnable selectionChanged) {
        this.store = store;
        tree.setName("mines.tree");
        tree.setRootVisible(false);
        tree.setShowsRootHandles(true);
        tree.setCellRenderer(new Renderer());
        tree.addTreeSelectionListener(e -> selectionChanged.run());
        tree.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && selected() != null) {
                    open.accept(selected());
                }
            }
        });
        JLabel title = new JLabel(Texts.get("mines.title"));
        title.putClientProperty("FlatLaf.styleClass", "h3");
        title.setBorder(javax.swing.BorderFactory.createEmptyBorder(8, 8, 4, 8));
        panel.add(title, BorderLayout.NORTH);
        panel.add(new JScrollPane(tree), BorderLayout.CENTER);
        empty.setBorder(javax.swing.BorderFactory.createEmptyBorder(8, 8, 8, 8));
        empty.putClientProperty("FlatLaf.styleClass", "small");
        panel.add(empty, BorderLayout.SOUTH);
        refresh();
    }

    public JComponent view() {
        return panel;
    }

    public JTree tree() {
        return tree;
    }

    /** Reads the store again, keeping the selection. */
    public void refresh() {
        String selectedId = selected() == null ? null : selected().id();
        root.removeAllChildren();
        List<DraftStore.DraftInfo> all;
        try {
            all = store.list();
        } catch (IOException e) {
            all = List.of();
        }
        Map<String, DefaultMutableTreeNode> mines = new LinkedHashMap<>();
        for (DraftStore.DraftInfo i : all) {
            String key = i.uscc() + "|" + i.mineName();
            mines.computeIfAbsent(key, k -> {
                DefaultMutableTreeNode n = new DefaultMutableTreeNode(new Mine(i.uscc(), i.enterpriseName(),
                        i.mineName()));
                root.add(n);
                return n;
            }).add(new DefaultMutableTreeNode(i));
        }
        ((DefaultTreeModel) tree.getModel()).reload();
        for (int r = 0; r < tree.getRowCount(); r++) {
            tree.expandRow(r);
        }
        empty.setVisible(all.isEmpty());
        if (selectedId != null) {
            select(selectedId);
        }
    }

    public void select(String id) {
        for (int r = 0; r < tree.getRowCount(); r++) {
            TreePath p = tree.getPathForRow(r);
            if (((DefaultMutableTreeNode) p.getLastPathComponent()).getUserObject() instanceof DraftStore.DraftInfo i
                    && i.id().equals(id)) {
                tree.setSelectionPath(p);
                return;
            }
        }
    }

    /** The quarter selected, or null (a mine, or nothing). */
    public DraftStore.DraftInfo selected() {
        TreePath p = tree.getSelectionPath();
        if (p == null) {
            return null;
        }
        Object o = ((DefaultMutableTreeNode) p.getLastPathComponent()).getUserObject();
        return o instanceof DraftStore.DraftInfo i ? i : null;
    }

    /** The mine selected, or the mine of the selected quarter, or null. */
    public DraftStore.DraftInfo anyOfSelectedMine() {
        TreePath p = tree.getSelectionPath();
        if (p == null) {
            return null;
        }
        DefaultMutableTreeNode n = (DefaultMutableTreeNode) p.getLastPathComponent();
        if (n.getUserObject() instanceof DraftStore.DraftInfo i) {
            return i;
        }
        return n.getChildCount() > 0 ? (DraftStore.DraftInfo) ((DefaultMutableTreeNode) n.getFirstChild())
                .getUserObject() : null;
    }

    static String statusText(DraftStatus s) {
        return Texts.get("status." + s.name());
    }

    private static final class Renderer extends DefaultTreeCellRenderer {
        @Override
        public Component getTreeCellRendererComponent(JTree tree, Object value, boolean sel, boolean expanded,
                                                      boolean leaf, int row, boolean hasFocus) {
            super.getTreeCellRendererComponent(tree, value, sel, expanded, leaf, row, hasFocus);
            Object o = ((DefaultMutableTreeNode) value).getUserObject();
            setIcon(null);
            if (o instanceof Mine m) {
                setText("<html><b>" + (m.name().isBlank() ? Texts.get("mines.noName") : esc(m.name())) + "</b><br>"
                        + "<font size='-1'>" + esc(m.enterprise()) + "</font></html>");
            } else if (o instanceof DraftStore.DraftInfo i) {
                java.awt.Color color = switch (i.status()) {
                    case ACCEPTED -> new java.awt.Color(0x15803d);
                    case FLAGGED, RETURNED -> new java.awt.Color(0xb45309);
                    case OUTBOX -> new java.awt.Color(0x1d4ed8);
                    default -> new java.awt.Color(0x4b5563);
                };
                setText((i.period().isBlank() ? "?" : i.period()) + "  " + statusText(i.status()));
                if (!sel) {
                    setForeground(color);
                }
            }
            return this;
        }

        static String esc(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;");
        }
    }
}
