package org.minedecl.client.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.demo.DemoSetup;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.client.desktop.form.DraftEditor;
import org.minedecl.shared.rules.Severity;

/** A robot (AssertJ Swing) files the demo mine's quarter through the window, finding fields by their names. */
@Tag("xvfb")
class RobotFilingTest {
    static final Clock OCT_8 = Clock.fixed(Instant.parse("2026-10-08T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;
    DesktopHarness h;
    FrameFixture window;
    MainWindow main;

    void openDemo() throws Exception {
        Display.required();
        new DemoSetup(home).demoMine(new DraftStore(home, OCT_8), LocalDate.of(2026, 10, 8));
        h = new DesktopHarness(home);
        main = h.openWindow(OCT_8, true);
        window = h.window;
    }

    @AfterEach
    void close() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aClerkFixesAFindingByTypingAndTheFindingGoes() throws Exception {
        openDemo();
        DraftEditor ed = main.current();
        assertThat(ed.document().text("mine.name")).isEqualTo("金岭水泥用灰岩矿（演示）");
        DraftEditorTest.waitFor(() -> ed.lastCheck() != null);

        window.tabbedPane("form.sections").selectTab(2);
        window.textBox("production.output").deleteText().enterText("14,2x");
        DraftEditorTest.waitFor(() -> ed.lastCheck().findings().stream()
                .anyMatch(f -> f.severity() == Severity.ERROR && "$.production.output".equals(f.path())));
        assertThat(ed.document().text("production.output")).isEqualTo("14,2x");
        window.button("action.sign").requireDisabled();

        // a click on the finding takes the robot to the field; it types the right number
        window.tabbedPane("form.sections").selectTab(0);
        window.tree("findings.tree").clickRow(1);
        DraftEditorTest.waitFor(() -> ed.form().tabs().getSelectedIndex() == 2);
        window.textBox("production.output").deleteText().enterText("14.2");
        DraftEditorTest.waitFor(() -> ed.lastCheck().findings().stream().noneMatch(f -> f.severity() == Severity.ERROR));
        assertThat(ed.document().get("production.output").decimalValue()).isEqualByComparingTo("14.2");
        window.button("action.sign").requireEnabled();
    }

    @Test
    void aShortfallShowsAsTheDepositIsTypedAndFlagsTheQuarter() throws Exception {
        openDemo();
        DraftEditor ed = main.current();
        window.tabbedPane("form.sections").selectTab(3);
        window.textBox("restorationFund.deposited").deleteText().enterText("60,000");
        DraftEditorTest.waitFor(() -> ed.lastCheck() != null && ed.lastCheck().flags().stream()
                .anyMatch(f -> f.ruleId().equals("CORE-FUND-02")));
        window.label("fund.shortfall").requireText(java.util.regex.Pattern.compile(".*缺口 30,000.00 元.*"));
        window.textBox("restorationFund.closingBalance").requireText("1,275,000.00");
        window.label("findings.flags").requireText(java.util.regex.Pattern.compile("(?s).*CORE-FUND-02.*"));
    }
}
