package org.minedecl.client.desktop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.minedecl.client.app.drafts.DraftStore;

/** The desktop's settings, {@code MINEDECL_HOME/desktop.properties}: language, server. */
public final class Settings {
    private final Path file;
    private final Properties props = new Properties();

    public Settings(Path home) {
        this.file = home.resolve("desktop.properties");
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                // unreadable settings: the defaults
            }
        }
    }

    /** {@code zh} (the default) or {@code en}. */
    public String language() {
        return "en".equals(props.getProperty("language")) ? "en" : "zh";
    }

    public void language(String lang) {
        props.setProperty("language", lang);
        save();
    }

    public String server() {
        return props.getProperty("server", "http://localhost:8080");
    }

    public void server(String url) {
        props.setProperty("server", url);
        save();
    }

    public Properties asProperties() {
        Properties p = new Properties();
        p.putAll(props);
        return p;
    }

    private void save() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            props.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), "minedecl desktop settings");
            DraftStore.writeAtomically(file, out.toByteArray());
        } catch (IOException e) {
            Diagnostics.record("settings not saved", e);
        }
    }
}
