package org.minedecl.client.desktop;

import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.minedecl.client.app.drafts.DraftChecks;
import org.minedecl.client.app.drafts.DraftDocument;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.shared.rules.RuleEngine;

/**
 * Starts the desktop client (CONTRACTS section 11): FlatLaf, the language from the settings, the main window
 * built inside {@code invokeLater}, the drafts open last time reopened, and {@code --open FILE.json} opened as a
 * draft. Without a display it says so in one line and returns {@link #NO_DISPLAY}.
 */
public final class DesktopApp {
    /** Exit code when there is no display to open a window on. */
    public static final int NO_DISPLAY = 2;
    private static volatile boolean running;

    private DesktopApp() {
    }

    /** Whether a window is open (the process then lives until it closes). */
    public static boolean running() {
        return running;
    }

    /** What the launch needs; tests pass their own home and clock. */
    public record Options(Path home, Path open, URI server, Clock clock, boolean demo, boolean exitOnClose) {
        public static Options defaults() {
            return new Options(DraftStore.defaultHome(), null, null, Clock.systemUTC(), false, true);
        }
    }

    /** Opens the window; returns 0 once it is shown, or {@link #NO_DISPLAY}. */
    public static int launch(Options o) {
        preload(o.home(), o.clock());
        Settings settings = new Settings(o.home());
        Texts.use(Locale.forLanguageTag(settings.language()));
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println(Texts.get("app.noDisplay"));
            return NO_DISPLAY;
        }
        AtomicReference<Throwable> failed = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    show(o);
                } catch (AWTError | RuntimeException e) {
                    failed.set(e);
                }
            });
        } catch (Exception e) {
            failed.set(e);
        } catch (AWTError e) {
            failed.set(e);
        }
        if (failed.get() != null) {
            Throwable t = failed.get();
            System.err.println(t instanceof AWTError || t.getCause() instanceof AWTError
                    ? Texts.get("app.noDisplay") : "minedecl: " + t);
            return NO_DISPLAY;
        }
        return 0;
    }

    /**
     * While the event thread sets up the look and feel (about half of the time to the first window, and on one
     * core), another thread does the window's first non-Swing work once ahead of it: loads the rule packs, reads
     * the drafts list and checks the drafts to be reopened. Nothing is kept: the point is that the classes are
     * loaded and the files read by the time the window asks, so the window's own calls are quick.
     */
    static void preload(Path home, Clock clock) {
        Thread t = new Thread(() -> {
            try {
                RuleEngine engine = RuleEngine.standard();
                DraftStore store = new DraftStore(home, clock);
                store.list();
                DraftChecks checks = new DraftChecks(engine);
                for (String id : store.openIds()) {
                    if (java.nio.file.Files.isRegularFile(store.file(id))) {
                        DraftDocument d = new DraftDocument((com.fasterxml.jackson.databind.node.ObjectNode)
                                new com.fasterxml.jackson.databind.ObjectMapper().readTree(store.file(id).toFile()));
                        checks.check(d, java.time.LocalDate.now(clock), null);
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // only a head start: the window does the same work and reports what goes wrong
            }
        }, "minedecl-preload");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    /** Builds and shows the window; on the event thread. */
    public static MainWindow show(Options o) {
        FlatLaf.registerCustomDefaultsSource("org.minedecl.client.desktop.theme");
        FlatLightLaf.setup();
        DesktopContext ctx = new DesktopContext(o.home(), o.clock(), o.server(), o.demo());
        running = true;
        MainWindow w = new MainWindow(ctx, () -> {
            ctx.autosaver.close();
            running = false;
            if (o.exitOnClose()) {
                System.exit(0);
            }
        });
        w.recover();
        if (o.open() != null) {
            w.openFile(o.open());
        }
        w.frame().setVisible(true);
        w.startOutbox();
        return w;
    }
}
