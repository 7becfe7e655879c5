package org.minedecl.client.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.client.desktop.DesktopApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code minedecl desktop [--open FILE.json]} (also: no command at all): opens the desktop client
 * (CONTRACTS section 11). Without a display: one line on stderr, exit 2.
 */
@Command(name = "desktop", mixinStandardHelpOptions = true,
        description = "打开桌面客户端 / open the desktop client (the default without a command)")
public class DesktopCommand implements Callable<Integer> {
    @Option(names = "--open", paramLabel = "FILE.json", description = "open this declaration as a draft")
    Path open;

    @Option(names = "--server", paramLabel = "URL", description = "server to submit to (default: the settings', "
            + "else http://localhost:8080)")
    URI server;

    @Option(names = "--demo", description = "mark the window as a demo (set by the quick start)")
    boolean demo;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "\"today\" (screenshots, tests)")
    LocalDate asOf;

    @Override
    public Integer call() {
        Clock clock = asOf == null ? Clock.systemUTC()
                : Clock.fixed(asOf.atTime(10, 0).atZone(org.minedecl.client.app.BusinessClock.ZONE).toInstant(),
                        ZoneId.of("UTC"));
        return DesktopApp.launch(new DesktopApp.Options(DraftStore.defaultHome(), open, server, clock, demo, true));
    }
}
