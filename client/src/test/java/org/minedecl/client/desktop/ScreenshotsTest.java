package org.minedecl.client.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JButton;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.demo.DemoSetup;
import org.minedecl.client.app.drafts.CarryForward;
import org.minedecl.client.app.drafts.Draft;
import org.minedecl.client.app.drafts.DraftDocument;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.client.desktop.form.DraftEditor;
import org.minedecl.client.desktop.sign.SignAndSubmit;

/**
 * Renders every screen of the desktop client to PNG under Xvfb (with CJK fonts): into
 * {@code -Dminedecl.screenshots=DIR} (docs/screenshots/render.sh passes docs/screenshots), else
 * target/screenshots. The user guides show these images.
 */
@Tag("xvfb")
class ScreenshotsTest {
    static final Clock OCT_8 = Clock.fixed(Instant.parse("2026-10-08T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;
    MainWindow main;

    Path out() {
        String dir = System.getProperty("minedecl.screenshots");
        return dir != null ? Path.of(dir) : Path.of("target/screenshots");
    }

    @AfterEach
    void close() throws Exception {
        if (main != null) {
            SwingUtilities.invokeAndWait(() -> main.close());
        }
        Texts.use(Locale.SIMPLIFIED_CHINESE);
    }

    /** A store with a filed Q2 (FLAGGED), an earlier Q1 (ACCEPTED) and the demo mine's Q3 draft open. */
    void demoHome() throws Exception {
        DraftStore store = new DraftStore(home, OCT_8);
        DemoSetup demo = new DemoSetup(home);
        Draft q3 = demo.demoMine(store, LocalDate.of(2026, 10, 8));
        for (String[] q : List.of(new String[] {"2026Q2", "FLAGGED", "R-2026Q2-0007"},
                new String[] {"2026Q1", "ACCEPTED", "R-2026Q1-0031"})) {
            DraftDocument d = q3.document().snapshot();
            d.set("period", DraftDocument.NODES.textNode(q[0]));
            // the quarter before closed with what Q3 opens with (CORE-CONS-01 stays silent)
            d.set("restorationFund.openingBalance", DraftDocument.NODES.textNode("1195000.00"));
            d.set("restorationFund.closingBalance", DraftDocument.NODES.textNode("1250000.00"));
            d.set("restoration.restoredAreaHa", DraftDocument.NODES.numberNode(new java.math.BigDecimal("6.8")));
            Draft filed = store.create(d);
            copyAttachments(store, q3.id(), filed.id());
            // signed for real (a test certificate), so the read-only view shows what was signed
            org.minedecl.client.app.drafts.DraftFiling filing = new org.minedecl.client.app.drafts.DraftFiling(store,
                    org.minedecl.client.app.signing.SigningService.standard(
                            org.minedecl.client.app.BusinessClock.of(OCT_8)),
                    new org.minedecl.client.app.submission.Outbox(home.resolve("outbox"),
                            org.minedecl.client.app.BusinessClock.of(OCT_8)));
            filing.sign(filed.id(), (org.minedecl.client.app.signing.Preparation.Ready) filing.prepare(filed.id(),
                    filed.document(), null), org.minedecl.shared.testpki.TestPki.get(
                    org.minedecl.shared.testpki.TestPki.KeyAlg.EC).leaf().build().credential(), null);
            Files.writeString(store.receiptFile(filed.id()), "{\"receiptId\": \"" + q[2] + "\", \"status\": \""
                    + q[1] + "\", \"receivedAt\": \"" + q[0].replace("2026Q2", "2026-07-09T02:31:07Z")
                    .replace("2026Q1", "2026-04-10T01:12:40Z") + "\", \"findings\": " + (q[1].equals("FLAGGED")
                    ? "[{\"ruleId\": \"CORE-FUND-02\", \"severity\": \"FLAG\", \"message\": {\"zh\": "
                    + "\"本季度基金存入少于应存入额\", \"en\": \"The deposit is less than required\"}}]" : "[]") + "}");
            if (q[1].equals("FLAGGED")) {
                // reviewed: the county returned it, and the FLAG is an abnormal-list candidate
                DraftStore.writeAtomically(store.serverStatusFile(filed.id()),
                        new org.minedecl.client.app.status.FilingStatus(Instant.parse("2026-10-08T01:30:00Z"),
                                "FLAGGED", null, List.of(new org.minedecl.client.app.status.FilingStatus.Decision(
                                "RETURN", null, "基金存入凭证不清晰，请重新上传", Instant.parse("2026-07-20T03:00:00Z"))),
                                List.of(new org.minedecl.client.app.status.FilingStatus.AbnormalEntry("CORE-FUND-02",
                                        "CANDIDATE", null))).toBytes());
            }
        }
        // a certificate valid on the screenshots' fixed date (keygen's starts today)
        Files.createDirectories(demo.pkiDir());
        org.minedecl.shared.testpki.TestPki.get(org.minedecl.shared.testpki.TestPki.KeyAlg.EC).leaf().build()
                .writePkcs12(demo.pkiDir().resolve("enterprise.p12"), "demo-pass".toCharArray());
        Files.writeString(demo.pkiDir().resolve("enterprise.pass"), "demo-pass\n");
    }

    static void copyAttachments(DraftStore store, String from, String to) throws Exception {
        Files.createDirectories(store.attachmentsDir(to));
        try (var files = Files.list(store.attachmentsDir(from))) {
            for (Path f : files.toList()) {
                Files.copy(f, store.attachmentsDir(to).resolve(f.getFileName()));
            }
        }
    }

    void open() throws Exception {
        AtomicReference<MainWindow> w = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> w.set(DesktopApp.show(new DesktopApp.Options(home, null, null, OCT_8,
                true, false))));
        main = w.get();
        main.frame().setSize(1280, 800);
        DraftEditorTest.waitFor(() -> main.current() != null && main.current().lastCheck() != null);
        Display.settle(400);
    }

    void shot(Window w, String name) throws Exception {
        Display.settle(300);
        Display.png(w, out().resolve(name));
        assertThat(Files.size(out().resolve(name))).isGreaterThan(8_000);
    }

    void type(DraftEditor ed, String path, String text) throws Exception {
        SwingUtilities.invokeAndWait(() -> ((JTextField) ed.form().editor(path).input()).setText(text));
    }

    @Test
    void everyScreenRendersToAPng() throws Exception {
        Display.required();
        demoHome();
        open();
        DraftEditor ed = main.current();
        shot(main.frame(), "zh-main.png");

        SwingUtilities.invokeAndWait(() -> ed.form().tabs().setSelectedIndex(2));
        type(ed, "production.output", "14,2x");
        DraftEditorTest.waitFor(() -> ed.lastCheck().hasErrors());
        shot(main.frame(), "zh-finding.png");
        type(ed, "production.output", "14.2");

        SwingUtilities.invokeAndWait(() -> ed.form().tabs().setSelectedIndex(3));
        type(ed, "restorationFund.deposited", "60,000");
        DraftEditorTest.waitFor(() -> !ed.lastCheck().flags().isEmpty());
        shot(main.frame(), "zh-fund.png");
        type(ed, "restorationFund.deposited", "90,000.00");
        DraftEditorTest.waitFor(() -> ed.lastCheck().flags().isEmpty());

        SwingUtilities.invokeAndWait(() -> ed.form().tabs().setSelectedIndex(5));
        shot(main.frame(), "zh-green-mine.png");
        SwingUtilities.invokeAndWait(() -> ed.form().tabs().setSelectedIndex(6));
        shot(main.frame(), "zh-attachments.png");

        // the sign dialog, certificate read
        AtomicReference<SignAndSubmit> sign = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> sign.set(new SignAndSubmit(main.ctx(), main.frame(), ed, () -> { })));
        SwingUtilities.invokeLater(() -> sign.get().start());
        DraftEditorTest.waitFor(() -> sign.get().dialog().isShowing());
        SwingUtilities.invokeAndWait(() -> find(sign.get().dialog(), "sign.read").doClick());
        DraftEditorTest.waitFor(() -> find(sign.get().dialog(), "sign.go").isEnabled(), 60, () -> "");
        shot(sign.get().dialog(), "zh-sign.png");
        SwingUtilities.invokeAndWait(() -> sign.get().dialog().dispose());

        // the quarters filed before: select the FLAGGED one
        SwingUtilities.invokeAndWait(() -> {
            for (int r = 0; r < main.mines().tree().getRowCount(); r++) {
                if (String.valueOf(main.mines().tree().getPathForRow(r).getLastPathComponent()).contains("2026Q2")) {
                    main.mines().tree().setSelectionRow(r);
                }
            }
        });
        shot(main.frame(), "zh-quarters.png");

        // the returned quarter, read only: receipt, review, what was signed
        SwingUtilities.invokeAndWait(() -> main.open(main.mines().selected().id()));
        shot(main.frame(), "zh-filed.png");
        SwingUtilities.invokeAndWait(() -> main.close());
        main = null;

        // English, by the setting
        new Settings(home).language("en");
        Texts.use(Locale.ENGLISH);
        open();
        shot(main.frame(), "en-main.png");
        SwingUtilities.invokeAndWait(() -> main.current().form().tabs().setSelectedIndex(3));
        type(main.current(), "restorationFund.deposited", "60,000");
        DraftEditorTest.waitFor(() -> !main.current().lastCheck().flags().isEmpty());
        shot(main.frame(), "en-fund.png");
        type(main.current(), "restorationFund.deposited", "90,000.00");
    }

    static JButton find(java.awt.Container c, String name) {
        for (java.awt.Component x : c.getComponents()) {
            if (x instanceof JButton b && name.equals(b.getName())) {
                return b;
            }
            if (x instanceof java.awt.Container cc) {
                JButton b = find(cc, name);
                if (b != null) {
                    return b;
                }
            }
        }
        return null;
    }
}
