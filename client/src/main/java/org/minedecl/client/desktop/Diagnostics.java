package org.minedecl.client.desktop;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What support needs, for "copy diagnostics": versions, settings and the last errors with their technical
 * detail (the dialogs show one plain sentence and fold this away).
 */
public final class Diagnostics {
    private static final int KEEP = 20;
    private static final Deque<String> LAST = new ArrayDeque<>();

    private Diagnostics() {
    }

    public static synchronized void record(String sentence, Throwable t) {
        StringWriter sw = new StringWriter();
        sw.append(Instant.now().toString()).append(' ').append(sentence).append('\n');
        if (t != null) {
            t.printStackTrace(new PrintWriter(sw));
        }
        LAST.addFirst(sw.toString());
        while (LAST.size() > KEEP) {
            LAST.removeLast();
        }
    }

    public static synchronized String report(Settings settings) {
        StringBuilder sb = new StringBuilder();
        sb.append("minedecl desktop 0.1.0\n");
        sb.append("java ").append(System.getProperty("java.version")).append(' ')
                .append(System.getProperty("java.vendor")).append('\n');
        sb.append("os ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        sb.append("locale ").append(Texts.locale()).append(", file.encoding ")
                .append(System.getProperty("file.encoding")).append('\n');
        sb.append("look and feel ").append(javax.swing.UIManager.getLookAndFeel().getName()).append('\n');
        if (settings != null) {
            sb.append("settings ").append(settings.asProperties()).append('\n');
        }
        sb.append("last errors (newest first):\n");
        LAST.forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }
}
