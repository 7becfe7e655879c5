package org.minedecl.client.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.drafts.Draft;
import org.minedecl.client.app.drafts.DraftDocument;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.client.desktop.form.DeclarationForm;
import org.minedecl.client.desktop.form.DraftEditor;
import org.minedecl.client.desktop.form.FieldSpec;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.Severity;

/** The form and its wiring, without a display: components are made, never shown. */
class DraftEditorTest {
    static final Clock OCT_8 = Clock.fixed(Instant.parse("2026-10-08T02:00:00Z"), ZoneOffset.UTC);
    static final Path EXAMPLE = Path.of("../docs/examples/declaration-zezhou-2026Q3.json");

    @TempDir
    Path home;

    @BeforeEach
    void chinese() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
    }

    static <T> T onEdt(java.util.concurrent.Callable<T> c) throws Exception {
        AtomicReference<T> r = new AtomicReference<>();
        AtomicReference<Exception> e = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                r.set(c.call());
            } catch (Exception ex) {
                e.set(ex);
            }
        });
        if (e.get() != null) {
            throw e.get();
        }
        return r.get();
    }

    DraftDocument example() throws Exception {
        return new DraftStore(home, OCT_8).importFile(EXAMPLE).document();
    }

    @Test
    void everyInputIsNamedByItsJsonPath() throws Exception {
        DraftDocument doc = example();
        DeclarationForm form = onEdt(() -> new DeclarationForm(doc, new JLabel(), p -> { }));
        for (FieldSpec.Section s : FieldSpec.SECTIONS) {
            for (FieldSpec f : s.fields()) {
                assertThat(form.editor(f.path()).input().getName()).isEqualTo(f.path());
            }
        }
        assertThat(((JTextField) form.editor("mine.name").input()).getText()).isEqualTo("金岭水泥用灰岩矿");
        assertThat(((JComboBox<?>) form.editor("mine.mineral").input()).getSelectedItem().toString())
                .isEqualTo("水泥用灰岩");
        assertThat(((JTextField) form.editor("restorationFund.openingBalance").input()).getText())
                .isEqualTo("1,250,000.00");
        assertThat(((JTextField) form.editor("greenMine.milestones[1].due").input()).getText())
                .isEqualTo("2027-03-31");
    }

    @Test
    void anInvalidAmountStaysAsTypedInTheDraftAndIsMarked() throws Exception {
        DraftDocument doc = example();
        List<String> changed = new ArrayList<>();
        DeclarationForm form = onEdt(() -> new DeclarationForm(doc, new JLabel(), changed::add));
        onEdt(() -> {
            ((JTextField) form.editor("restorationFund.deposited").input()).setText("12,3a");
            return null;
        });
        assertThat(doc.text("restorationFund.deposited")).isEqualTo("12,3a");
        assertThat(changed).contains("restorationFund.deposited");
        assertThat(form.editor("restorationFund.deposited").outline()).isEqualTo("error");
        assertThat(((JComponent) form.editor("restorationFund.deposited").input()).getToolTipText())
                .contains("12,3a");
    }

    @Test
    void theClosingBalanceIsComputedAndTheShortfallShownAsTyped() throws Exception {
        DraftDocument doc = example();
        DeclarationForm form = onEdt(() -> new DeclarationForm(doc, new JLabel(), p -> { }));
        onEdt(() -> {
            ((JTextField) form.editor("restorationFund.deposited").input()).setText("60,000");
            return null;
        });
        onEdt(() -> null); // the computation runs after the keystroke's notification
        assertThat(doc.text("restorationFund.deposited")).isEqualTo("60000.00");
        assertThat(doc.text("restorationFund.closingBalance")).isEqualTo("1275000.00");
        JLabel shortfall = onEdt(() -> findLabel(form.view(), "fund.shortfall"));
        assertThat(shortfall.getText()).contains("30,000.00");
    }

    @Test
    void aFindingTakesTheUserToItsSectionAndField() throws Exception {
        DraftDocument doc = example();
        DeclarationForm form = onEdt(() -> new DeclarationForm(doc, new JLabel(), p -> { }));
        assertThat(onEdt(() -> form.goTo("$.restorationFund.deposited"))).isTrue();
        assertThat(form.tabs().getSelectedIndex()).isEqualTo(3);
        assertThat(onEdt(() -> form.goTo("$.greenMine.milestones[0].due"))).isTrue();
        assertThat(form.tabs().getSelectedIndex()).isEqualTo(5);
        assertThat(onEdt(() -> form.goTo("$.declarant.title"))).isTrue();
        assertThat(form.tabs().getSelectedIndex()).isEqualTo(7);
    }

    @Test
    void everyEditIsCheckedOffTheEventThreadAndMarksTheFieldOfTheFinding() throws Exception {
        DesktopContext ctx = new DesktopContext(home, OCT_8, null, false);
        Draft d = ctx.store.importFile(EXAMPLE);
        DraftEditor ed = onEdt(() -> new DraftEditor(ctx, d));
        waitFor(() -> ed.lastCheck() != null);
        assertThat(ed.lastCheck().findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        onEdt(() -> {
            ((JTextField) ed.form().editor("production.output").input()).setText("14,2x");
            return null;
        });
        waitFor(() -> ed.lastCheck().findings().stream().anyMatch(f -> "$.production.output".equals(f.path())));
        Finding f = ed.lastCheck().findings().stream().filter(x -> "$.production.output".equals(x.path()))
                .findFirst().orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(ed.form().editor("production.output").outline()).isEqualTo("error");
        // the draft on disk has the text within a second
        waitFor(() -> {
            try {
                return java.nio.file.Files.readString(ctx.store.file(d.id())).contains("14,2x");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        ctx.autosaver.close();
    }

    static void waitFor(java.util.function.BooleanSupplier c) throws Exception {
        waitFor(c, 10, () -> "");
    }

    static void waitFor(java.util.function.BooleanSupplier c, int seconds,
                        java.util.function.Supplier<String> shown) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!onEdt(c::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + seconds + " s " + onEdt(shown::get));
            }
            Thread.sleep(20);
        }
    }

    static JLabel findLabel(java.awt.Container c, String name) {
        for (java.awt.Component x : c.getComponents()) {
            if (x instanceof JLabel l && name.equals(l.getName())) {
                return l;
            }
            if (x instanceof java.awt.Container cc) {
                JLabel l = findLabel(cc, name);
                if (l != null) {
                    return l;
                }
            }
        }
        return null;
    }
}
