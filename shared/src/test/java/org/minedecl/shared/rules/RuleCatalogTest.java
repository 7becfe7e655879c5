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
            "CORE-EXPL-01", "CORE-BOUND-01", "CORE-EQUIP-01", "CORE-RECL-01", "CORE-CONS-01", "CORE-LATE-01",
            "SX-SCALE-01", "SX-SCALE-02", "SX-SCALE-03", "SX-LIFE-01", "SX-EXHAUST-01", "SX-STOP-01", "SX-BUILD-01",
            "SZ-NEWSCALE-01", "SZ-SMALL-01", "SZ-RECOV-01", "SZ-RECOV-02", "SZ-GREEN-01", "SZ-GREEN-02",
            "SZ-GREEN-03",
            "ZZ-KEEP-01", "ZZ-NEW-01", "ZZ-RECL-01",
            "ZN-CLAY-01", "ZN-CLAY-02", "ZN-GREEN-01", "ZN-RECL-01", "ZN-CLOSE-01",
            "SG-CANCEL-01", "SG-CANCEL-02", "SG-CANCEL-03", "SG-RENEW-01", "SG-NEVER-01");

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
