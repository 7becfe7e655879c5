package org.minedecl.client.desktop;

import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

/**
 * A clerk typing, for {@link KillWhileTypingTest}: opens the desktop on {@code args[0]} (MINEDECL_HOME) and its
 * draft, puts the cursor at the end of {@code mine.name} and types letters with real key events, printing each
 * letter once typed, until it is killed.
 */
public final class TypistMain {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        AtomicReference<MainWindow> w = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> w.set(DesktopApp.show(new DesktopApp.Options(home, null, null,
                Clock.systemUTC(), false, true))));
        Robot robot = new Robot();
        robot.setAutoDelay(15);
        AtomicReference<JTextField> field = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            w.get().frame().toFront();
            JTextField f = (JTextField) w.get().current().form().editor("mine.name").input();
            f.requestFocusInWindow();
            f.setCaretPosition(f.getText().length());
            field.set(f);
        });
        robot.waitForIdle();
        Thread.sleep(500);
        String letters = "abcdefghijklmnopqrstuvwxyz";
        for (int i = 0; ; i++) {
            char c = letters.charAt(i % letters.length());
            robot.keyPress(KeyEvent.VK_A + (c - 'a'));
            robot.keyRelease(KeyEvent.VK_A + (c - 'a'));
            robot.waitForIdle();
            AtomicReference<String> now = new AtomicReference<>();
            SwingUtilities.invokeAndWait(() -> now.set(field.get().getText()));
            System.out.println("typed " + now.get());
            System.out.flush();
            Thread.sleep(40);
        }
    }
}
