package org.minedecl.client.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.demo.DemoSetup;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.client.desktop.DesktopApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code minedecl demo}: the README's quick start. Makes a demo CA and enterprise certificate (once, in
 * {@code MINEDECL_HOME/demo}), has the server trust them, starts {@code server/target/minedecl-server.jar} on the
 * embedded default unless a server already answers, puts a demo mine's draft in the store and opens the desktop
 * client connected to it. Without a display: one line, and the server keeps running until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "启动服务器并打开桌面客户端（演示数据） / start the server and open the desktop client with demo data")
public class DemoCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "the server's port (default 8080)")
    int port;

    @Option(names = "--server-jar", paramLabel = "JAR", description = "default: server/target/minedecl-server.jar")
    Path serverJar;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "the server's data directory "
            + "(default: MINEDECL_DATA_DIR, else ./minedecl-data)")
    Path dataDir;

    @Override
    public Integer call() {
        Path home = DraftStore.defaultHome();
        DemoSetup demo = new DemoSetup(home);
        Path data = dataDir != null ? dataDir : Path.of(System.getenv().getOrDefault("MINEDECL_DATA_DIR", "minedecl-data"));
        URI server = URI.create("http://localhost:" + port);
        try {
            if (!demo.pkiExists()) {
                StringWriter out = new StringWriter();
                int rc = new CommandLine(new KeygenCommand()).setOut(new PrintWriter(out))
                        .execute("--out", demo.pkiDir().toString(), "--alg", "SM2", "--uscc", DemoSetup.USCC,
                                "--name", DemoSetup.NAME);
                if (rc != 0) {
                    System.err.println("minedecl demo: the demo certificate could not be made");
                    return ExitCodes.USAGE;
                }
                System.out.println("演示证书 / demo certificate (not for production): " + demo.pkiDir());
            }
            demo.trust(data);
            Process started = null;
            if (!DemoSetup.serverUp(server)) {
                Path jar = serverJar != null ? serverJar : DemoSetup.findServerJar();
                if (jar == null) {
                    System.err.println("minedecl demo: server/target/minedecl-server.jar not found (build it with "
                            + "./mvnw -B -q -DskipTests package, or give --server-jar)");
                    return ExitCodes.USAGE;
                }
                System.out.println("服务器启动中 / starting the server: " + jar.getFileName() + " on " + server);
                started = DemoSetup.startServer(jar, data, port, Duration.ofSeconds(120));
                Process p = started;
                Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "minedecl-demo-server-stop"));
            }
            System.out.println("服务器 / server: " + server + " (data " + data.toAbsolutePath().normalize() + ")");
            demo.demoMine(new DraftStore(home, Clock.systemUTC()), BusinessClock.system().today());
            int rc = DesktopApp.launch(new DesktopApp.Options(home, null, server, Clock.systemUTC(), true, true));
            if (rc == DesktopApp.NO_DISPLAY && started != null) {
                System.err.println("minedecl demo: the server keeps running at " + server + " (Ctrl-C stops it)");
                return started.waitFor();
            }
            return rc;
        } catch (Exception e) {
            System.err.println("minedecl demo: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.SERVER;
        }
    }
}
