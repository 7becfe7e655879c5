package org.minedecl.client.desktop;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JToolBar;
import javax.swing.WindowConstants;
import javax.swing.filechooser.FileNameExtensionFilter;
import javax.swing.SwingUtilities;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.drafts.OutboxRetry;
import org.minedecl.client.app.submission.SubmissionResult;
import org.minedecl.client.app.drafts.Deadlines;
import org.minedecl.client.app.drafts.Draft;
import org.minedecl.client.app.drafts.DraftDocument;
import org.minedecl.client.app.drafts.DraftStatus;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.client.app.drafts.FiledQuarter;
import org.minedecl.client.desktop.filed.FiledView;
import org.minedecl.client.desktop.form.DraftEditor;
import org.minedecl.client.desktop.mines.MinesPanel;
import org.minedecl.client.desktop.sign.PrintProof;
import org.minedecl.client.desktop.sign.SignAndSubmit;
import org.minedecl.client.desktop.sign.StatusRefresh;
import org.minedecl.shared.declaration.Period;

/**
 * The main window: the deadline banner on top, the mines and their quarters on the left, the open drafts as
 * tabs. Its commands are actions that enable themselves from the selection (JOSM's way).
 */
public final class MainWindow {
    private final DesktopContext ctx;
    private final JFrame frame = new JFrame();
    private final JLabel banner = new JLabel();
    private final JLabel status = new JLabel(" ");
    private final JLabel outbox = new JLabel(" ");
    private final JTabbedPane drafts = new JTabbedPane();
    private final MinesPanel mines;
    private final List<SelfEnablingAction> actions = new ArrayList<>();
    private final Runnable onClosed;

    /** An action that enables itself from the window's state. */
    abstract static class SelfEnablingAction extends AbstractAction {
        SelfEnablingAction(String key, String name) {
            super(Texts.get(key));
            putValue(Action.ACTION_COMMAND_KEY, name);
            if (Texts.has(key + ".tip")) {
                putValue(Action.SHORT_DESCRIPTION, Texts.get(key + ".tip"));
            }
        }

        abstract boolean enabledNow();
    }

    public MainWindow(DesktopContext ctx, Runnable onClosed) {
        this.ctx = ctx;
        this.onClosed = onClosed;
        frame.setName("main");
        frame.setTitle(Texts.get("app.title") + (ctx.demo ? " — " + Texts.get("app.demo") : ""));
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }
        });
        mines = new MinesPanel(ctx.store, i -> open(i.id()), () -> {
            updateActions();
            updateBanner();
        });
        drafts.setName("drafts");
        drafts.putClientProperty(FlatClientProperties.TABBED_PANE_TAB_CLOSABLE, true);
        drafts.putClientProperty(FlatClientProperties.TABBED_PANE_TAB_CLOSE_CALLBACK,
                (BiConsumer<JTabbedPane, Integer>) (tp, i) -> closeTab(i));
        drafts.addChangeListener(e -> {
            updateActions();
            updateBanner();
        });

        JToolBar tools = new JToolBar();
        tools.setFloatable(false);
        JMenu file = new JMenu(Texts.get("menu.file"));
        for (SelfEnablingAction a : List.of(newQuarter(), newBlank(), open(), export(), sign(), amend(), print(),
                refreshStatus())) {
            actions.add(a);
            tools.add(a).setName("action." + a.getValue(Action.ACTION_COMMAND_KEY));
            file.add(a);
        }
        file.addSeparator();
        file.add(new AbstractAction(Texts.get("action.exit")) {
            @Override
            public void actionPerformed(ActionEvent e) {
                close();
            }
        });
        JMenu settings = new JMenu(Texts.get("menu.settings"));
        settings.add(new AbstractAction(Texts.get("action.language")) {
            @Override
            public void actionPerformed(ActionEvent e) {
                ctx.settings.language(Texts.english() ? "zh" : "en");
                JOptionPane.showMessageDialog(frame, Texts.get("settings.restart"));
            }
        });
        JMenu help = new JMenu(Texts.get("menu.help"));
        help.add(new AbstractAction(Texts.get("action.copyDiagnostics")) {
            @Override
            public void actionPerformed(ActionEvent e) {
                ErrorDialog.copyDiagnostics(ctx.settings);
                status.setText(Texts.get("error.copied"));
            }
        });
        JMenuBar bar = new JMenuBar();
        bar.add(file);
        bar.add(settings);
        bar.add(help);
        frame.setJMenuBar(bar);

        banner.setName("banner");
        banner.putClientProperty("FlatLaf.styleClass", "banner");
        banner.setOpaque(true);
        banner.setBorder(javax.swing.BorderFactory.createEmptyBorder(6, 12, 6, 12));
        JPanel north = new JPanel(new BorderLayout());
        north.add(tools, BorderLayout.NORTH);
        north.add(banner, BorderLayout.SOUTH);

        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, mines.view(), drafts);
        split.setDividerLocation(230);
        status.setName("status");
        status.setBorder(javax.swing.BorderFactory.createEmptyBorder(2, 8, 2, 8));
        frame.getContentPane().add(north, BorderLayout.NORTH);
        frame.getContentPane().add(split, BorderLayout.CENTER);
        outbox.setName("outbox.status");
        outbox.setBorder(javax.swing.BorderFactory.createEmptyBorder(2, 8, 2, 8));
        JPanel south = new JPanel(new BorderLayout());
        south.add(status, BorderLayout.CENTER);
        south.add(outbox, BorderLayout.EAST);
        frame.getContentPane().add(south, BorderLayout.SOUTH);
        ctx.onOutbox(s -> SwingUtilities.invokeLater(() -> showOutbox(s)));
        frame.setPreferredSize(new Dimension(1280, 800));
        frame.pack();
        frame.setLocationRelativeTo(null);
        updateBanner();
        updateActions();
    }

    public JFrame frame() {
        return frame;
    }

    public DesktopContext ctx() {
        return ctx;
    }

    public MinesPanel mines() {
        return mines;
    }

    public JTabbedPane draftTabs() {
        return drafts;
    }

    public void status(String s) {
        status.setText(s);
    }

    private int outboxSent;

    /** The outbox's line: what waits and when it is tried again, or that it was sent by itself. */
    void showOutbox(OutboxRetry.State s) {
        if (s.waiting() > 0) {
            String at = s.nextTry() == null ? "-" : java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                    .format(s.nextTry().atZone(BusinessClock.ZONE));
            outbox.setText(s.lastProblem() instanceof SubmissionResult.Refused r
                    ? Texts.get("outbox.refused", r.message(Language.of(Texts.locale().getLanguage())))
                    : Texts.get("outbox.waiting", s.waiting(), at));
            outbox.putClientProperty("FlatLaf.styleClass", "outboxWaiting");
        } else {
            outbox.setText(s.sent() > 0 ? Texts.get("outbox.sentNow", s.sent()) : " ");
            outbox.putClientProperty("FlatLaf.styleClass", "small");
        }
        if (s.sent() != outboxSent) {
            outboxSent = s.sent();
            refresh();
        }
    }

    /** Starts sending the outbox by itself (once the window is up). */
    public void startOutbox() {
        ctx.retry.start();
    }

    // ---- opening and closing drafts ----

    /** Reopens the drafts open last time (after a crash too) and reports damaged ones. */
    public void recover() {
        try {
            DraftStore.Recovery r = ctx.store.recover();
            r.drafts().forEach(this::show);
            if (!r.drafts().isEmpty()) {
                status.setText(Texts.get("recovered", r.drafts().size()));
            }
            for (DraftStore.Loaded.Damaged d : r.damaged()) {
                JOptionPane.showMessageDialog(frame, Texts.get("damaged", d.id(), d.keptAs()),
                        Texts.get("error.title"), JOptionPane.WARNING_MESSAGE);
            }
            mines.refresh();
        } catch (IOException e) {
            ErrorDialog.show(frame, e.getMessage(), e, ctx.settings);
        }
    }

    /** Opens the draft {@code id} (or shows its tab when open already); a filed quarter opens read only. */
    public DraftEditor open(String id) {
        if (ctx.store.status(id).filed()) {
            openFiled(id);
            return null;
        }
        DraftEditor already = editorOf(id);
        if (already != null) {
            drafts.setSelectedComponent(already.view());
            return already;
        }
        try {
            DraftStore.Loaded l = ctx.store.load(id);
            if (l instanceof DraftStore.Loaded.Damaged d) {
                JOptionPane.showMessageDialog(frame, Texts.get("damaged", d.id(), d.keptAs()),
                        Texts.get("error.title"), JOptionPane.WARNING_MESSAGE);
                mines.refresh();
                return null;
            }
            return show(((DraftStore.Loaded.Ok) l).draft());
        } catch (IOException e) {
            ErrorDialog.show(frame, Texts.get("open.failed", id, e.getMessage()), e, ctx.settings);
            return null;
        }
    }

    /** Shows a filed quarter read only: what was signed, its receipt, status and the regulator's review. */
    public FiledView openFiled(String id) {
        for (int i = 0; i < drafts.getTabCount(); i++) {
            if (((JComponent) drafts.getComponentAt(i)).getClientProperty("filed") instanceof FiledView f
                    && f.quarter().id().equals(id)) {
                drafts.setSelectedIndex(i);
                return f;
            }
        }
        try {
            return show(FiledQuarter.read(ctx.store, id));
        } catch (IOException e) {
            ErrorDialog.show(frame, Texts.get("open.failed", id, e.getMessage()), e, ctx.settings);
            return null;
        }
    }

    private FiledView show(FiledQuarter q) {
        if (q == null) {
            return null;
        }
        FiledView v = new FiledView(q);
        v.view().putClientProperty("filed", v);
        drafts.addTab(title(q.declaration()) + " " + Texts.get("status." + q.status().name()), v.view());
        drafts.setSelectedComponent(v.view());
        mines.select(q.id());
        return v;
    }

    /** Opens a mine-declaration/1 file as a new draft (CONTRACTS 11: {@code desktop --open FILE.json}). */
    public DraftEditor openFile(Path file) {
        try {
            Draft d = ctx.store.importFile(file);
            mines.refresh();
            return show(d);
        } catch (IOException e) {
            ErrorDialog.show(frame, Texts.get("open.failed", file.getFileName(), e.getMessage()), e, ctx.settings);
            return null;
        }
    }

    private DraftEditor show(Draft d) {
        DraftEditor ed = new DraftEditor(ctx, d);
        ed.onChecked(x -> updateActions());
        ed.onEdited(x -> {
            int i = drafts.indexOfComponent(x.view());
            if (i >= 0) {
                drafts.setTitleAt(i, title(x.document()));
            }
        });
        drafts.addTab(title(d.document()), ed.view());
        drafts.setSelectedComponent(ed.view());
        ed.view().putClientProperty("editor", ed);
        saveSession();
        mines.select(d.id());
        return ed;
    }

    static String title(DraftDocument d) {
        String mine = d.text("mine.name");
        return (mine.isBlank() ? Texts.get("mines.noName") : mine) + " " + d.text("period");
    }

    private void closeTab(int i) {
        ctx.autosaver.flush();
        drafts.removeTabAt(i);
        saveSession();
        mines.refresh();
    }

    public List<DraftEditor> editors() {
        List<DraftEditor> out = new ArrayList<>();
        for (int i = 0; i < drafts.getTabCount(); i++) {
            if (((JComponent) drafts.getComponentAt(i)).getClientProperty("editor") instanceof DraftEditor e) {
                out.add(e);
            }
        }
        return out;
    }

    public DraftEditor current() {
        JComponent c = (JComponent) drafts.getSelectedComponent();
        return c == null ? null : (DraftEditor) c.getClientProperty("editor");
    }

    private DraftEditor editorOf(String id) {
        return editors().stream().filter(e -> e.draft().id().equals(id)).findFirst().orElse(null);
    }

    private void saveSession() {
        try {
            ctx.store.setOpen(editors().stream().map(e -> e.draft().id()).toList());
        } catch (IOException e) {
            Diagnostics.record("session not saved", e);
        }
    }

    /** Saves everything pending and closes; the drafts open now are reopened next time. */
    public void close() {
        ctx.retry.close();
        ctx.autosaver.flush();
        saveSession();
        frame.dispose();
        onClosed.run();
    }

    // ---- the banner and the actions ----

    void updateBanner() {
        DraftEditor ed = current();
        DraftStore.DraftInfo sel = mines.anyOfSelectedMine();
        String jurisdiction = ed == null ? "" : ed.document().text("jurisdiction");
        String uscc = ed != null ? ed.document().text("enterprise.uscc") : sel != null ? sel.uscc() : null;
        String mine = ed != null ? ed.document().text("mine.name") : sel != null ? sel.mineName() : null;
        List<DraftStore.DraftInfo> all;
        try {
            all = uscc == null ? List.of() : ctx.store.list();
        } catch (IOException e) {
            all = List.of();
        }
        List<DraftStore.DraftInfo> quarters = all;
        Deadlines.Outlook o = ctx.deadlines.outlook(ctx.today(), jurisdiction, p -> quarters.stream().anyMatch(
                i -> i.status().filed() && i.uscc().equals(uscc) && i.mineName().equals(mine)
                        && i.period().equals(p.toString())));
        Deadlines.Deadline d = o.due();
        Deadlines.Deadline n = o.next();
        String q = quarter(d.period());
        String text;
        if (o.dueFiled()) {
            text = Texts.get("banner.filed", q, quarter(n.period()), n.due().toString(), n.daysLeft());
        } else {
            text = (d.daysLeft() > 0 ? Texts.get("banner.deadline", q, d.due().toString(), d.daysLeft())
                    : d.daysLeft() == 0 ? Texts.get("banner.deadlineToday", q, d.due().toString())
                    : Texts.get("banner.late", q, d.due().toString(), -d.daysLeft()))
                    + Texts.get("banner.next", quarter(n.period()), n.due().toString(), n.daysLeft());
        }
        banner.setText(text);
        banner.putClientProperty("FlatLaf.styleClass", !o.dueFiled() && d.daysLeft() < 0 ? "banner late" : "banner");
    }

    private static String quarter(Period p) {
        return Texts.english() ? p.toString() : p.year() + " 年第 " + p.quarter() + " 季度";
    }

    void updateActions() {
        actions.forEach(a -> a.setEnabled(a.enabledNow()));
    }

    public void refresh() {
        mines.refresh();
        updateActions();
        updateBanner();
    }

    private SelfEnablingAction newQuarter() {
        return new SelfEnablingAction("action.newQuarter", "newQuarter") {
            @Override
            boolean enabledNow() {
                return mines.anyOfSelectedMine() != null || current() != null;
            }

            @Override
            public void actionPerformed(ActionEvent e) {
                try {
                    DraftStore.DraftInfo i = mines.anyOfSelectedMine();
                    Draft d = ctx.quarters.next(i == null ? null : i.id(), i == null ? current().document() : null,
                            ctx.today());
                    mines.refresh();
                    show(d);
                } catch (IOException | RuntimeException ex) {
                    ErrorDialog.show(frame, ex.getMessage(), ex, ctx.settings);
                }
            }
        };
    }

    private SelfEnablingAction newBlank() {
        return new SelfEnablingAction("action.newBlank", "newBlank") {
            @Override
            boolean enabledNow() {
                return true;
            }

            @Override
            public void actionPerformed(ActionEvent e) {
                try {
                    Draft draft = ctx.quarters.blank(ctx.today());
                    mines.refresh();
                    show(draft);
                } catch (IOException ex) {
                    ErrorDialog.show(frame, ex.getMessage(), ex, ctx.settings);
                }
            }
        };
    }

    private SelfEnablingAction open() {
        return new SelfEnablingAction("action.open", "open") {
            @Override
            boolean enabledNow() {
                return true;
            }

            @Override
            public void actionPerformed(ActionEvent e) {
                JFileChooser fc = new JFileChooser();
                fc.setFileFilter(new FileNameExtensionFilter(Texts.get("open.filter"), "json"));
                if (fc.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
                    openFile(fc.getSelectedFile().toPath());
                }
            }
        };
    }

    private SelfEnablingAction export() {
        return new SelfEnablingAction("action.export", "export") {
            @Override
            boolean enabledNow() {
                return current() != null;
            }

            @Override
            public void actionPerformed(ActionEvent e) {
                DraftEditor ed = current();
                JFileChooser fc = new JFileChooser();
                fc.setSelectedFile(new java.io.File(ed.draft().id() + ".json"));
                if (fc.showSaveDialog(frame) == JFileChooser.APPROVE_OPTION) {
                    try {
                        ctx.store.export(ed.document(), fc.getSelectedFile().toPath());
                        status.setText(Texts.get("export.done", fc.getSelectedFile()));
                    } catch (IOException ex) {
                        ErrorDialog.show(frame, ex.getMessage(), ex, ctx.settings);
                    }
                }
            }
        };
    }

    private SelfEnablingAction sign() {
        return new SelfEnablingAction("action.sign", "sign") {
            @Override
            boolean enabledNow() {
                DraftEditor ed = current();
                return ed != null && ed.lastCheck() != null && !ed.lastCheck().hasErrors()
                        && ctx.store.status(ed.draft().id()) == DraftStatus.DRAFT
                        || ed != null && ctx.store.status(ed.draft().id()) == DraftStatus.OUTBOX;
            }

            @Override
            public void actionPerformed(ActionEvent e) {
                DraftEditor ed = current();
                ctx.autosaver.flush();
                new SignAndSubmit(ctx, frame, ed, () -> afterFiling(ed)).start();
            }
        };
    }

    /** After signing or sending: the list shows the new status; a filed quarter's tab closes. */
    private void afterFiling(DraftEditor ed) {
        refresh();
        if (ctx.store.status(ed.draft().id()).filed()) {
            int i = drafts.indexOfComponent(ed.view());
            if (i >= 0) {
                closeTab(i);
            }
            // the filed quarter, read only, with its receipt: read off the event thread (the package is large)
            String id = ed.draft().id();
            new javax.swing.SwingWorker<FiledQuarter, Void>() {
                @Override
                protected FiledQuarter doInBackground() throws IOException {
                    return FiledQuarter.read(ctx.store, id);
                }

                @Override
                protected void done() {
                    try {
                        show(get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        ErrorDialog.show(frame, Texts.get("open.failed", id, e.getCause().getMessage()), e.getCause(),
                                ctx.settings);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }.execute();
        }
    }

    private SelfEnablingAction amend() {
        return new SelfEnablingAction("action.amend", "amend") {
            @Override
            boolean enabledNow() {
                DraftStore.DraftInfo i = mines.selected();
                return i != null && i.status().filed();
            }

            @Override
            public void actionPerformed(ActionEvent e) {
                DraftStore.DraftInfo i = mines.selected();
                try {
                    Draft draft = ctx.quarters.amend(i.id());
                    mines.refresh();
                    show(draft);
                } catch (IOException | RuntimeException ex) {
                    ErrorDialog.show(frame, ex.getMessage(), ex, ctx.settings);
                }
            }
        };
    }

    private SelfEnablingAction refreshStatus() {
        return new SelfEnablingAction("action.refreshStatus", "refreshStatus") {
            @Override
            boolean enabledNow() {
                return true;
            }

            @Override
            public void actionPerformed(ActionEvent e) {
                status.setText(Texts.get("login.working"));
                StatusRefresh.run(ctx, frame, line -> {
                    status.setText(line);
                    refresh();
                });
            }
        };
    }

    private SelfEnablingAction print() {
        return new SelfEnablingAction("action.print", "print") {
            @Override
            boolean enabledNow() {
                DraftStore.DraftInfo i = mines.selected();
                return i != null && i.status().filed();
            }

            @Override
            public void actionPerformed(ActionEvent e) {
                PrintProof.print(ctx, frame, mines.selected().id());
            }
        };
    }
}
