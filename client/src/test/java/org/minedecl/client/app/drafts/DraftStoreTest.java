package org.minedecl.client.app.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.shared.rules.DeclarationValidator;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.RuleEngine;

class DraftStoreTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-08T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    static Path example() {
        Path p = Path.of("../docs/examples/declaration-zezhou-2026Q3.json");
        return Files.exists(p) ? p : Path.of("docs/examples/declaration-zezhou-2026Q3.json");
    }

    @Test
    void invalidMoneyIsKeptExactlyAsTypedAndReportedAtItsPath() throws IOException {
        DraftStore store = new DraftStore(home, CLOCK);
        Draft d = store.importFile(example());
        d.document().set("restorationFund.deposited", FieldKind.MONEY.toJson("12,3a"));
        d.document().set("production.output", FieldKind.NUMBER.toJson("14,2x"));
        store.save(d.id(), d.document());

        DraftDocument back = ((DraftStore.Loaded.Ok) new DraftStore(home, CLOCK).load(d.id())).draft().document();
        assertThat(back.text("restorationFund.deposited")).isEqualTo("12,3a");
        assertThat(back.text("production.output")).isEqualTo("14,2x");
        List<Finding> findings = new DeclarationValidator(RuleEngine.standard())
                .validate(DraftStore.bytes(back), LocalDate.of(2026, 10, 8), null).findings();
        assertThat(findings).extracting(Finding::path)
                .contains("$.restorationFund.deposited", "$.production.output");
    }

    @Test
    void moneyTypedWithThousandsSeparatorsIsStoredAsTwoDecimalYuan() {
        assertThat(FieldKind.MONEY.toJson("1,305,000").textValue()).isEqualTo("1305000.00");
        assertThat(FieldKind.MONEY.toJson("30000.1").textValue()).isEqualTo("30000.10");
        assertThat(FieldKind.MONEY.toJson("1,23").textValue()).isEqualTo("1,23");
        assertThat(FieldKind.MONEY.accepts("1,23")).isFalse();
        assertThat(FieldKind.MONEY.display(FieldKind.MONEY.toJson("1305000"))).isEqualTo("1,305,000.00");
        assertThat(FieldKind.NUMBER.toJson("14.20").decimalValue()).isEqualByComparingTo("14.2");
        assertThat(FieldKind.NUMBER.toJson("   ")).isNull();
    }

    @Test
    void autosaverWritesWithinOneSecondAndTheTextSurvivesACrash() throws Exception {
        DraftStore store = new DraftStore(home, CLOCK);
        Draft d = store.importFile(example());
        store.setOpen(List.of(d.id()));
        DraftAutosaver saver = new DraftAutosaver(store, (id, e) -> { });
        d.document().set("mine.name", FieldKind.TEXT.toJson("金岭水泥用灰岩矿（二号采区"));
        saver.changed(d.id(), d.document());
        long start = System.nanoTime();
        while (!Files.readString(store.file(d.id())).contains("二号采区") && System.nanoTime() - start < 1_000_000_000L) {
            Thread.sleep(10);
        }
        // the "crash": the saver is never closed, and a save was interrupted half-way, leaving its temporary file
        Files.writeString(store.draftsDir().resolve("." + d.id() + ".json123.tmp"), "{\"schema\": \"mine-decl");

        DraftStore.Recovery r = new DraftStore(home, CLOCK).recover();
        assertThat(r.damaged()).isEmpty();
        assertThat(r.drafts()).singleElement().satisfies(x -> {
            assertThat(x.id()).isEqualTo(d.id());
            assertThat(x.document().text("mine.name")).isEqualTo("金岭水泥用灰岩矿（二号采区");
        });
        assertThat(Files.list(store.draftsDir()).map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void aDamagedDraftIsKeptAsideUntouchedAndReported() throws IOException {
        DraftStore store = new DraftStore(home, CLOCK);
        Draft d = store.importFile(example());
        store.setOpen(List.of(d.id()));
        byte[] broken = "{\"schema\": \"mine-declaration/1\", \"period\": \"2026Q".getBytes(StandardCharsets.UTF_8);
        Files.write(store.file(d.id()), broken);

        DraftStore.Recovery r = store.recover();
        assertThat(r.drafts()).isEmpty();
        assertThat(r.damaged()).singleElement().satisfies(x -> {
            assertThat(x.id()).isEqualTo(d.id());
            assertThat(x.keptAs()).hasBinaryContent(broken);
            assertThat(x.keptAs().getParent().getFileName().toString()).isEqualTo("damaged");
        });
        assertThat(store.file(d.id())).doesNotExist();
    }

    @Test
    void carryForwardStartsTheNextQuarterFromTheLastClosingBalance() throws IOException {
        DraftStore store = new DraftStore(home, CLOCK);
        DraftDocument q3 = store.importFile(example()).document();
        q3.set("amends", FieldKind.TEXT.toJson("R-1"));
        DraftDocument q4 = CarryForward.next(q3);

        assertThat(q4.text("period")).isEqualTo("2026Q4");
        assertThat(q4.text("restorationFund.openingBalance")).isEqualTo("1305000.00");
        assertThat(q4.text("restorationFund.closingBalance")).isEqualTo("1305000.00");
        assertThat(q4.get("restorationFund.deposited")).isNull();
        assertThat(q4.text("restorationFund.account.number")).isEqualTo("14-512001040012345");
        assertThat(q4.text("licences.mining.number")).isEqualTo("C1405252009127130048622");
        assertThat(q4.get("restoration.restoredAreaHa").decimalValue()).isEqualByComparingTo("7.4");
        assertThat(q4.get("restoration.restoredThisQuarterHa").decimalValue()).isEqualByComparingTo("0");
        assertThat(q4.get("production.output")).isNull();
        assertThat(q4.get("amends")).isNull();
        assertThat(q4.root().path("attachments").size()).isZero();
        assertThat(q3.text("period")).isEqualTo("2026Q3");
    }

    @Test
    void theFiledQuartersOfTheSameMineAreTheHistoryTheRulesCompareWith() throws IOException {
        DraftStore store = new DraftStore(home, CLOCK);
        Draft q2 = store.importFile(example());
        q2.document().set("period", FieldKind.TEXT.toJson("2026Q2"));
        q2.document().set("restorationFund.closingBalance", FieldKind.MONEY.toJson("1,000,000"));
        store.save(q2.id(), q2.document());
        Files.writeString(store.receiptFile(q2.id()), "{\"receiptId\": \"R-2\", \"status\": \"ACCEPTED\"}");
        Draft other = store.importFile(example());
        other.document().set("period", FieldKind.TEXT.toJson("2026Q1"));
        other.document().set("licences.mining.number", FieldKind.TEXT.toJson("C9999"));
        store.save(other.id(), other.document());
        Files.writeString(store.receiptFile(other.id()), "{\"receiptId\": \"R-1\", \"status\": \"ACCEPTED\"}");
        Draft q3 = store.importFile(example());

        org.minedecl.shared.rules.History h = store.filedHistory(q3.document());
        assertThat(h.declarations()).extracting(x -> x.period()).containsExactly("2026Q2");
        List<Finding> findings = new DraftChecks(RuleEngine.standard()).check(q3.document(), LocalDate.of(2026, 10, 8),
                h).findings();
        // Q2 closed with 1,000,000.00; Q3 opens with 1,250,000.00
        assertThat(findings).extracting(Finding::ruleId).contains("CORE-CONS-01");
        assertThat(new DraftChecks(RuleEngine.standard()).check(q3.document(), LocalDate.of(2026, 10, 8),
                org.minedecl.shared.rules.History.NONE).findings()).extracting(Finding::ruleId)
                .doesNotContain("CORE-CONS-01");
    }

    @Test
    void anExportedDraftOpensAgainAsTheSameDocument() throws IOException {
        DraftStore store = new DraftStore(home, CLOCK);
        Draft d = store.importFile(example());
        d.document().set("restorationFund.used", FieldKind.MONEY.toJson("abc"));
        Path out = home.resolve("export/q3.json");
        store.export(d.document(), out);
        Draft again = store.importFile(out);
        assertThat(again.id()).isNotEqualTo(d.id());
        assertThat(again.document().root()).isEqualTo(d.document().root());
    }

    @Test
    void aFileOfAnotherSchemaIsNotOpenedAsADraft() throws IOException {
        DraftStore store = new DraftStore(home, CLOCK);
        Path f = home.resolve("other.json");
        Files.writeString(f, "{\"schema\": \"delegation/1\"}");
        assertThatThrownBy(() -> store.importFile(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("mine-declaration/1");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void theListShowsEachDraftsStatusFromTheFilesBesideIt() throws IOException {
        DraftStore store = new DraftStore(home, CLOCK);
        Draft a = store.importFile(example());
        Draft b = store.create(CarryForward.next(a.document()));
        Files.writeString(store.receiptFile(a.id()), "{\"receiptId\": \"R-42\", \"status\": \"FLAGGED\"}");
        Files.write(store.packageFile(b.id()), new byte[] {1});
        assertThat(store.list()).extracting(DraftStore.DraftInfo::period, DraftStore.DraftInfo::status,
                        DraftStore.DraftInfo::receiptId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026Q4", DraftStatus.SIGNED, null),
                        org.assertj.core.groups.Tuple.tuple("2026Q3", DraftStatus.FLAGGED, "R-42"));
    }
}
