package org.minedecl.client.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.minedecl.client.app.Language;

/**
 * A password or PIN from a file (its first line; the line break is not part of it), from an environment variable,
 * or typed at a prompt - never from a command-line argument (CONTRACTS section 4).
 */
final class SecretInput {
    private SecretInput() {
    }

    /** A secret could not be obtained; the message is the one stderr line. */
    static final class MissingSecret extends Exception {
        MissingSecret(String message) {
            super(message);
        }
    }

    static char[] read(Path file, String envVar, String prompt, Language language) throws MissingSecret {
        if (file != null && envVar != null) {
            throw new MissingSecret(language.text("secret.both"));
        }
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int nl = text.indexOf('\n');
                String line = nl >= 0 ? text.substring(0, nl) : text;
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new MissingSecret(language.text("secret.fileUnreadable", file, e.getMessage()));
            }
        }
        if (envVar != null) {
            String v = System.getenv(envVar);
            if (v == null) {
                throw new MissingSecret(language.text("secret.envUnset", envVar));
            }
            return v.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new MissingSecret(language.text("secret.noTerminal"));
        }
        char[] pw = console.readPassword("%s: ", prompt);
        if (pw == null) {
            throw new MissingSecret(language.text("secret.none"));
        }
        return pw;
    }
}
