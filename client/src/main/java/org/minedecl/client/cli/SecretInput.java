package org.minedecl.client.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

    static char[] read(Path file, String envVar, String prompt) throws MissingSecret {
        if (file != null && envVar != null) {
            throw new MissingSecret("give either a password file or an environment variable, not both");
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
                throw new MissingSecret("cannot read the password file " + file + ": " + e.getMessage());
            }
        }
        if (envVar != null) {
            String v = System.getenv(envVar);
            if (v == null) {
                throw new MissingSecret("environment variable " + envVar + " is not set");
            }
            return v.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new MissingSecret("no password given and no terminal to ask on: use --storepass-file or "
                    + "--storepass-env");
        }
        char[] pw = console.readPassword("%s: ", prompt);
        if (pw == null) {
            throw new MissingSecret("no password entered");
        }
        return pw;
    }
}
