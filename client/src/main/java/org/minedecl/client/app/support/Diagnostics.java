package org.minedecl.client.app.support;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.Language;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.signature.Providers;

/**
 * The text a clerk gives support ("copy diagnostics"): versions (minedecl, rule packs, Java, BouncyCastle, the
 * system), settings, and the last errors with their technical detail. It never holds passwords or PINs: settings
 * whose name speaks of a password, PIN, secret or token value are masked.
 */
public final class Diagnostics {
    /** How many errors are kept. */
    public static final int KEEP = 20;

    /** One recorded error. */
    public record Entry(Instant at, String context, ClientError error) {
    }

    private final BusinessClock clock;
    private final Deque<Entry> errors = new ArrayDeque<>();

    public Diagnostics(BusinessClock clock) {
        this.clock = clock;
    }

    /** Keeps an error (the oldest goes beyond {@value #KEEP}). */
    public synchronized void record(String context, ClientError error) {
        errors.addLast(new Entry(clock.now(), context, error));
        while (errors.size() > KEEP) {
            errors.removeFirst();
        }
    }

    /** Explains an exception ({@link ClientErrors#explain(Throwable)}), keeps it, and returns it for showing. */
    public ClientError record(String context, Throwable e) {
        ClientError error = ClientErrors.explain(e);
        record(context, error);
        return error;
    }

    /** The errors kept, oldest first. */
    public synchronized List<Entry> lastErrors() {
        return new ArrayList<>(errors);
    }

    /**
     * The diagnostics text.
     *
     * @param settings the front end's settings (server URL, language, data folder, token libraries ...)
     */
    public String text(Map<String, String> settings) {
        StringBuilder b = new StringBuilder();
        b.append("minedecl diagnostics ").append(clock.now()).append('\n');
        line(b, "minedecl", version());
        line(b, "rule packs", String.join(", ", RuleEngine.standard().packs().stream()
                .map(p -> p.id() + " " + p.version()).toList()));
        line(b, "java", System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                + System.getProperty("java.vendor") + ")");
        line(b, "bouncycastle", Providers.bc().getVersionStr());
        line(b, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        line(b, "locale", Locale.getDefault() + ", file.encoding " + System.getProperty("file.encoding")
                + ", stdout.encoding " + System.getProperty("stdout.encoding", "-"));
        line(b, "time zone", TimeZone.getDefault().getID() + " (business dates: " + BusinessClock.ZONE + ", today "
                + clock.today() + ")");
        b.append("settings:\n");
        for (Map.Entry<String, String> e : new TreeMap<>(settings).entrySet()) {
            line(b, "  " + e.getKey(), secret(e.getKey()) ? "(hidden)" : e.getValue());
        }
        List<Entry> last = lastErrors();
        b.append("last errors (").append(last.size()).append("):\n");
        for (Entry e : last) {
            b.append("  ").append(e.at()).append(' ').append(e.context()).append(": ")
                    .append(e.error().code()).append(" - ").append(e.error().text(Language.EN)).append('\n');
            b.append("    ").append(e.error().technical()).append('\n');
        }
        return b.toString();
    }

    private static boolean secret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("pass") || n.contains("pin") || n.contains("secret") || n.endsWith("token");
    }

    private static void line(StringBuilder b, String name, String value) {
        b.append(name).append(": ").append(value == null ? "-" : value.replaceAll("[\\r\\n]+", " ")).append('\n');
    }

    /** The client's version, from the jar's manifest when it has one. */
    public static String version() {
        String v = Diagnostics.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}
