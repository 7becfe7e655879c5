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
import org.minedecl.client.app.drafts.DraftStore;

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
        return w;
    }
}
