package org.minedecl.client;

import io.micronaut.configuration.picocli.PicocliRunner;
import org.minedecl.client.cli.MinedeclCommand;

/** Entry point of {@code minedecl.jar}: the command line (CONTRACTS section 4). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return PicocliRunner.execute(MinedeclCommand.class, args);
    }
}
