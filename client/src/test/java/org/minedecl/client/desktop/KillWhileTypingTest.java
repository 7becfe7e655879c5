package org.minedecl.client.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.drafts.Draft;
import org.minedecl.client.app.drafts.DraftStore;

/**
 * The clerk's text survives the client being killed (SIGKILL) while typing: the next start reopens the draft
 * with what was typed up to a moment before the kill.
 */
@Tag("xvfb")
class KillWhileTypingTest {
    @TempDir
    Path home;

    @Test
    void textTypedBeforeAKillComesBackOnTheNextStart() throws Exception {
        Display.required();
        DraftStore store = new DraftStore(home, Clock.systemUTC());
        Draft d = store.importFile(Path.of("../docs/examples/declaration-zezhou-2026Q3.json"));
        store.setOpen(List.of(d.id()));

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TypistMain.class.getName(), home.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process typist = pb.start();
        String typedLongAgo = null;
        long typedSince = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(typist.getInputStream(),
                StandardCharsets.UTF_8))) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String line;
            int count = 0;
            while ((line = out.readLine()) != null && System.nanoTime() < end) {
                if (!line.startsWith("typed ")) {
                    continue;
                }
                count++;
                if (count == 20) {
                    typedLongAgo = line.substring(6);
                    typedSince = System.nanoTime();
                }
                // keep typing for more than a second after the 20th letter, then kill mid-word
                if (typedLongAgo != null && System.nanoTime() - typedSince > 1_500_000_000L) {
                    typist.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(typist.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(typedLongAgo).as("the typist typed 20 letters").isNotNull().startsWith("金岭水泥用灰岩矿abcdefghij");

        AtomicReference<MainWindow> w = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> w.set(DesktopApp.show(new DesktopApp.Options(home, null, null,
                Clock.systemUTC(), false, false))));
        try {
            AtomicReference<String> back = new AtomicReference<>();
            SwingUtilities.invokeAndWait(() -> back.set(((JTextField) w.get().current().form()
                    .editor("mine.name").input()).getText()));
            // everything typed more than a second before the kill is there, and nothing else
            assertThat(back.get()).startsWith(typedLongAgo);
            assertThat(back.get()).matches("金岭水泥用灰岩矿[a-z]+");
        } finally {
            SwingUtilities.invokeAndWait(() -> w.get().close());
        }
    }
}
