package org.minedecl.client;

import io.micronaut.configuration.picocli.PicocliRunner;
import org.minedecl.client.cli.MinedeclCommand;
import org.minedecl.client.desktop.DesktopApp;

/** Entry point of {@code minedecl.jar}: the command line (CONTRACTS section 4), and the desktop client without a command (section 11). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args);
        if (!DesktopApp.running()) {
            System.exit(code);
        }
        // the desktop window is open: the process ends when it closes
    }

    /** Runs one command; no command at all opens the desktop client (CONTRACTS section 11). */
    public static int run(String... args) {
        return PicocliRunner.execute(MinedeclCommand.class, args.length == 0 ? new String[] {"desktop"} : args);
    }
}
