package org.minedecl.client.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.fixture.FrameFixture;
import org.minedecl.client.app.demo.DemoSetup;
import org.minedecl.client.cli.KeygenCommand;
import org.minedecl.shared.testpki.TestPki;
import picocli.CommandLine;

/**
 * What the desktop's robot tests (and the desktop benchmark) set up: a real server jar in its own process that
 * trusts the demo certificate authority and the test PKI, a main window on a given home, an AssertJ Swing robot on
 * it; {@link #close()} ends all of them.
 */
public final class DesktopHarness implements AutoCloseable {
    public final Path home;
    public Process server;
    public URI uri;
    public Path serverData;
    public MainWindow main;
    public Robot robot;
    public FrameFixture window;

    public DesktopHarness(Path home) {
        this.home = home;
    }

    /** The server jar .ci/run builds before the tests; the test is skipped (with the reason) without it. */
    public static Path serverJar() {
        return org.minedecl.client.testsupport.ServerProcess.jar();
    }

    /**
     * Makes the demo PKI (keygen, SM2) in the home, trusts it and the test PKI in a new server data directory,
     * places the PEM files of {@code admins} as administrators, and starts the server jar on a free port.
     */
    public DesktopHarness startServer(TestPki.Leaf... admins) throws Exception {
        prepareServer(admins);
        return launchServer();
    }

    /** Everything {@link #startServer} does but start it: {@link #uri} is where it will answer. */
    public DesktopHarness prepareServer(TestPki.Leaf... admins) throws Exception {
        serverJar();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DemoSetup demo = new DemoSetup(home);
        int rc = new CommandLine(new KeygenCommand()).setOut(new PrintWriter(new StringWriter())).execute(
                "--out", demo.pkiDir().toString(), "--alg", "SM2", "--uscc", DemoSetup.USCC, "--name", DemoSetup.NAME);
        assertThat(rc).isZero();
        serverData = home.resolve("server-data");
        demo.trust(serverData);
        // keys on the SoftHSM2 token and the regulators' keys are certified by the test PKI: the server trusts it
        TestPki pki = TestPki.get(TestPki.KeyAlg.EC);
        Files.createDirectories(serverData.resolve("trust"));
        TestPki.writePem(serverData.resolve("trust/test-root.pem"), pki.root().cert());
        List<java.security.cert.X509CRL> crls = pki.freshCrls(Instant.now());
        TestPki.writePem(serverData.resolve("trust/test-root.crl"), crls.get(0));
        TestPki.writePem(serverData.resolve("trust/test-issuing.crl"), crls.get(1));
        for (int i = 0; i < admins.length; i++) {
            Files.createDirectories(serverData.resolve("admins"));
            TestPki.writePem(serverData.resolve("admins/admin-" + i + ".pem"), admins[i].cert());
        }
        uri = URI.create("http://localhost:" + port);
        return this;
    }

    /** Starts the prepared server and waits until it answers. */
    public DesktopHarness launchServer() throws Exception {
        server = DemoSetup.startServer(serverJar(), serverData, uri.getPort(), Duration.ofSeconds(120));
        return this;
    }

    /** The demo enterprise's key (made by {@link #startServer} or {@link #prepareServer}). */
    public org.minedecl.shared.signature.SigningCredential demoKey() throws Exception {
        DemoSetup demo = new DemoSetup(home);
        return new org.minedecl.shared.signature.SignerSource.Pkcs12File(demo.pkiDir().resolve("enterprise.p12"),
                Files.readString(demo.pkiDir().resolve("enterprise.pass")).strip().toCharArray(), null).open();
    }

    /** The client's filing services on the home, with {@code clock}. */
    public org.minedecl.client.app.drafts.DraftFiling filing(org.minedecl.client.app.drafts.DraftStore store,
                                                            Clock clock) {
        org.minedecl.client.app.BusinessClock business = org.minedecl.client.app.BusinessClock.of(clock);
        return new org.minedecl.client.app.drafts.DraftFiling(store,
                org.minedecl.client.app.signing.SigningService.standard(business),
                new org.minedecl.client.app.submission.Outbox(home.resolve("outbox"), business));
    }

    /** Opens the main window on the home (the drafts open last time come back) and puts a robot on it. */
    public MainWindow openWindow(Clock clock, boolean demo) throws Exception {
        AtomicReference<MainWindow> w = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> w.set(DesktopApp.show(new DesktopApp.Options(home, null, uri, clock,
                demo, false))));
        main = w.get();
        robot = BasicRobot.robotWithCurrentAwtHierarchy();
        robot.settings().delayBetweenEvents(10);
        window = new FrameFixture(robot, main.frame());
        return main;
    }

    /** Closes the window (saving as a user's close does), the robot and the server. */
    @Override
    public void close() throws Exception {
        if (main != null) {
            SwingUtilities.invokeAndWait(() -> main.close());
            main = null;
        }
        if (robot != null) {
            robot.cleanUp();
            robot = null;
        }
        if (server != null) {
            server.destroy();
            server.waitFor();
            server = null;
        }
    }
}
