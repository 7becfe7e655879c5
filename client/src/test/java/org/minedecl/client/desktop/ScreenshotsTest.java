package org.minedecl.client.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.client.desktop.form.DraftEditor;

/**
 * Renders every screen of the desktop client to PNG under Xvfb (with CJK fonts): into
 * {@code -Dminedecl.screenshots=DIR} (docs/screenshots/render.sh passes docs/screenshots), else
 * target/screenshots. The images are what the user guides show.
 */
@Tag("xvfb")
class ScreenshotsTest {
    static final Clock OCT_8 = Clock.fixed(Instant.parse("2026-10-08T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    Path out() {
        String dir = System.getProperty("minedecl.screenshots");
        return dir != null ? Path.of(dir) : Path.of("target/screenshots");
    }

    @Test
    void everyScreenRendersToAPng() throws Exception {
        Display.required();
        Path example = Path.of("../docs/examples/declaration-zezhou-2026Q3.json");
        AtomicReference<MainWindow> w = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> w.set(DesktopApp.show(new DesktopApp.Options(home, example, null, OCT_8,
                true, false))));
        Display.settle(800);
        Display.png(w.get().frame(), out().resolve("zh-main.png"));
        DraftEditor ed = w.get().current();
        SwingUtilities.invokeAndWait(() -> {
            ed.form().tabs().setSelectedIndex(3);
            ((javax.swing.JTextField) ed.form().editor("restorationFund.deposited").input()).setText("60,000");
        });
        Display.settle(800);
        Display.png(w.get().frame(), out().resolve("zh-fund.png"));
        SwingUtilities.invokeAndWait(() -> ed.form().tabs().setSelectedIndex(5));
        Display.settle(300);
        Display.png(w.get().frame(), out().resolve("zh-green-mine.png"));
        assertThat(out().resolve("zh-main.png")).exists();
        assertThat(Files.size(out().resolve("zh-main.png"))).isGreaterThan(10_000);
        SwingUtilities.invokeAndWait(() -> w.get().close());
    }
}
