package org.minedecl.client;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.minedecl.client.cli.MinedeclCommand;
import org.minedecl.client.desktop.DesktopApp;
import picocli.CommandLine;

/** Entry point of {@code minedecl.jar}: the command line (CONTRACTS section 4), and the desktop client without a command (section 11). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: under LANG=C (a service, a Docker image, a Windows console) Java would print
        // Chinese as "????"
        System.setOut(utf8(FileDescriptor.out));
        System.setErr(utf8(FileDescriptor.err));
        int code = run(args);
        if (!DesktopApp.running()) {
            System.exit(code);
        }
        // the desktop window is open: the process ends when it closes
    }

    /**
     * Runs one command with stdout and stderr as UTF-8 text (in-process: tests capture the streams); no command at
     * all opens the desktop client (CONTRACTS section 11).
     */
    public static int run(String... args) {
        try (ApplicationContext ctx = ApplicationContext.builder(MinedeclCommand.class, Environment.CLI).start()) {
            CommandLine cl = new CommandLine(MinedeclCommand.class, new MicronautFactory(ctx));
            // picocli would encode with the locale's charset (ASCII under LANG=C) whatever System.out is
            cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
            cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
            return cl.execute(args.length == 0 ? new String[] {"desktop"} : args);
        }
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }
}
