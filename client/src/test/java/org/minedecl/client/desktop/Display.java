package org.minedecl.client.desktop;

import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Assumptions;

/** For the tests tagged {@code xvfb}: skip with the reason when there is no display; paint windows to PNG. */
public final class Display {
    private Display() {
    }

    public static void required() {
        boolean none = GraphicsEnvironment.isHeadless();
        if (none) {
            System.out.println("[xvfb] skipped: no display (DISPLAY=" + System.getenv("DISPLAY")
                    + "); .ci/run starts Xvfb and sets DISPLAY");
        }
        Assumptions.assumeFalse(none, "no display: run under Xvfb (.ci/run starts it)");
    }

    /** Paints {@code w} as it is on screen into a PNG. */
    public static void png(Window w, Path file) throws Exception {
        AtomicReference<BufferedImage> img = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            w.validate();
            BufferedImage b = new BufferedImage(w.getWidth(), w.getHeight(), BufferedImage.TYPE_INT_RGB);
            var g = b.createGraphics();
            w.paintAll(g);
            g.dispose();
            img.set(b);
        });
        Files.createDirectories(file.getParent());
        try {
            ImageIO.write(img.get(), "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot write " + file, e);
        }
    }

    /** Lets the event thread and the background checks settle. */
    public static void settle(long millis) throws Exception {
        Thread.sleep(millis);
        SwingUtilities.invokeAndWait(() -> { });
        new java.awt.Robot().waitForIdle();
    }
}
