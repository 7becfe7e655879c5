package org.minedecl.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {
    /** Every rule id of shared/RULES.md (the public catalogue). Ids are never renamed, only retired. */
    static final List<String> RULES_MD_IDS = List.of(
            "CORE-SCHEMA-01", "CORE-USCC-01", "CORE-PERIOD-01", "CORE-JUR-01", "CORE-NUM-01", "CORE-FUND-01",
            "CORE-FUND-02", "CORE-FUND-03", "CORE-LIC-01", "CORE-LIC-02", "CORE-LIC-03", "CORE-SAFE-01",
            "CORE-EXPL-01", "CORE-BOUND-01", "CORE-BUILD-01", "CORE-EQUIP-01", "CORE-REPEAT-01", "CORE-RECL-01",
            "CORE-CONS-01", "CORE-CAP-01", "CORE-RESV-01", "CORE-LATE-01",
            "SX-SCALE-01", "SX-SCALE-02", "SX-SCALE-03", "SX-LIFE-01", "SX-LIFE-02", "SX-EXHAUST-01", "SX-STOP-01",
            "SX-BUILD-01",
            "SZ-NEWSCALE-01", "SZ-SMALL-01", "SZ-RECOV-01", "SZ-RECOV-02", "SZ-GREEN-01", "SZ-GREEN-02",
            "SZ-GREEN-03", "SZ-GREEN-04", "SZ-CLAY-01", "SZ-RECL-01", "SZ-CLOSE-01", "SZ-EIA-01",
            "ZZ-KEEP-01", "ZZ-NEW-01", "ZZ-RECL-01", "ZZ-EXHAUST-01", "ZZ-STOP-01", "ZZ-BUILD-01", "ZZ-CLOSED-01",
            "ZN-CLAY-01", "ZN-CLAY-02", "ZN-GREEN-01", "ZN-RECL-01", "ZN-CLOSE-01",
            "SG-CANCEL-01", "SG-CANCEL-02", "SG-CANCEL-03", "SG-RENEW-01", "SG-RENEW-02", "SG-RESUME-01",
            "SG-NEVER-01");

    /** The ids RULES.md 1.1 retires: documented, never evaluated, never reused. */
    static final List<String> RETIRED = List.of("SX-EXHAUST-01", "SX-STOP-01", "SX-BUILD-01", "SZ-RECOV-02");

    private final RuleCatalog catalog = RuleCatalog.standard();

    @Test
    void everyRuleInThePacksIsARulesMdId() {
        assertThat(RULES_MD_IDS).containsAll(catalog.rules().keySet());
    }

    @Test
    void everyRuleOfRulesMdIsInThePacks() {
        assertThat(catalog.rules().keySet()).containsExactlyInAnyOrderElementsOf(RULES_MD_IDS);
    }

    @Test
    void everyRuleHasACitationAndMessagesInChineseAndEnglish() {
        for (RuleDefinition r : catalog.rules().values()) {
            assertThat(r.citation()).as(r.id()).isNotBlank();
            assertThat(r.message().zh()).as(r.id()).isNotBlank();
            assertThat(r.message().en()).as(r.id()).isNotBlank();
            assertThat(r.checks().zh()).as(r.id()).isNotBlank();
            assertThat(r.checks().en()).as(r.id()).isNotBlank();
        }
    }

    @Test
    void theRetiredIdsStayInTheCatalogueAsRetiredAndAreNeverEvaluated() {
        assertThat(catalog.rules().values()).filteredOn(r -> r.retired() != null).extracting(RuleDefinition::id)
                .containsExactlyInAnyOrderElementsOf(RETIRED);
        assertThat(catalog.rule("SX-EXHAUST-01").retired().replacedBy()).isEqualTo("ZZ-EXHAUST-01");
        assertThat(catalog.rule("SX-STOP-01").retired().replacedBy()).isEqualTo("ZZ-STOP-01");
        assertThat(catalog.rule("SX-BUILD-01").retired().replacedBy()).isEqualTo("ZZ-BUILD-01");
        assertThat(RETIRED).allSatisfy(id -> assertThat(catalog.rule(id).evaluatedByEngine()).as(id).isFalse());
        assertThat(RuleLogics.all().keySet()).doesNotContainAnyElementsOf(RETIRED);
    }

    @Test
    void everyPackIsAtVersion110() {
        assertThat(catalog.packs()).allSatisfy(p -> assertThat(p.version()).as(p.id()).isEqualTo("1.1.0"));
    }

    @Test
    void shuozhouAndZezhouSetTheLevelsOfTheShanxiScaleAndLifeRules() {
        RulePack sz = catalog.packs().stream().filter(p -> p.id().equals("SZ")).findFirst().orElseThrow();
        RulePack zz = catalog.packs().stream().filter(p -> p.id().equals("ZZ")).findFirst().orElseThrow();
        assertThat(sz.levelFor("SX-LIFE-01", java.time.LocalDate.of(2025, 12, 31)).level())
                .isEqualTo(new Level(Severity.WARNING, null));
        assertThat(sz.levelFor("SX-LIFE-01", java.time.LocalDate.of(2026, 3, 31)).level())
                .isEqualTo(new Level(Severity.FLAG, Disposition.NO_EXTENSION));
        assertThat(zz.levelFor("SX-SCALE-02", java.time.LocalDate.of(2026, 3, 31)).level())
                .isEqualTo(new Level(Severity.FLAG, Disposition.EXIT));
        assertThat(catalog.rule("SX-LIFE-01").level()).isEqualTo(new Level(Severity.WARNING, null));
        assertThat(sz.basisTo()).isEqualTo(java.time.LocalDate.of(2025, 12, 31));
    }

    @Test
    void aPackSettingTheLevelOfARuleBelowItBreaksTheBuild() {
        assertThatThrownBy(() -> RuleCatalog.load(getClass().getClassLoader(), "broken-rules/level-of-lower-rule"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not defined in a higher pack");
    }

    @Test
    void aRuleWithoutACitationBreaksTheBuild() {
        assertThatThrownBy(() -> RuleCatalog.load(getClass().getClassLoader(), "broken-rules/no-citation"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("citation");
    }

    @Test
    void aRuleWithoutAnEnglishMessageBreaksTheBuild() {
        assertThatThrownBy(() -> RuleCatalog.load(getClass().getClassLoader(), "broken-rules/no-english"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("message needs both zh and en");
    }

    @Test
    void everyEngineRuleHasItsLogicClassNamedAfterTheRuleId() {
        var logics = RuleLogics.all();
        for (RuleDefinition r : catalog.rules().values()) {
            if (r.evaluatedByEngine()) {
                String expected = java.util.Arrays.stream(r.id().split("-"))
                        .map(s -> s.charAt(0) + s.substring(1).toLowerCase(java.util.Locale.ROOT))
                        .reduce("", String::concat);
                assertThat(logics.get(r.id())).as(r.id()).isNotNull();
                assertThat(logics.get(r.id()).getClass().getSimpleName()).isEqualTo(expected);
            }
        }
        assertThat(catalog.rules().keySet()).containsAll(logics.keySet());
    }
}
