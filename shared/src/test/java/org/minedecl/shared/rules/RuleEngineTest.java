package org.minedecl.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.DeclarationParser;

class RuleEngineTest {
    private final RuleEngine engine = RuleEngine.standard();

    private static List<String> ids(List<RulePackInfo> packs) {
        return packs.stream().map(RulePackInfo::id).toList();
    }

    @Test
    void zezhouIsCheckedByCoreShanxiAndZezhouInThatOrder() {
        assertThat(ids(engine.applicablePacks("140525"))).containsExactly("CORE", "SX", "ZZ");
    }

    @Test
    void everyShuozhouDistrictAndTheCityItselfGetCoreShanxiAndShuozhou() {
        for (String code : List.of("140600", "140602", "140603", "140621", "140622", "140623", "140681")) {
            assertThat(ids(engine.applicablePacks(code))).as(code).containsExactly("CORE", "SX", "SZ");
        }
    }

    @Test
    void zhengningAndShanggaoGetTheirOwnPackOverCore() {
        assertThat(ids(engine.applicablePacks("621025"))).containsExactly("CORE", "ZN");
        assertThat(ids(engine.applicablePacks("360923"))).containsExactly("CORE", "SG");
    }

    @Test
    void aJurisdictionWithoutAPackIsCheckedByCoreOnly() {
        assertThat(ids(engine.applicablePacks("110101"))).containsExactly("CORE");
        assertThat(ids(engine.applicablePacks("14052"))).containsExactly("CORE");
        assertThat(ids(engine.applicablePacks(null))).containsExactly("CORE");
    }

    @Test
    void anotherShanxiCountyGetsShanxiButNotZezhou() {
        assertThat(ids(engine.applicablePacks("140581"))).containsExactly("CORE", "SX");
    }

    @Test
    void packsListsEveryPackWithItsVersion() {
        assertThat(engine.packs()).extracting(RulePackInfo::id).containsExactly("CORE", "SX", "SZ", "ZZ", "ZN", "SG");
        assertThat(engine.packs()).allSatisfy(p -> assertThat(p.version()).isNotBlank());
    }

    @Test
    void aCountyPackOverridingLongStopMonthsIsNamedInTheFinding() throws IOException {
        RuleCatalog standard = RuleCatalog.standard();
        List<RulePack> packs = new ArrayList<>();
        for (RulePack p : standard.packs()) {
            if (p.id().equals("ZZ")) {
                Map<String, Object> params = new LinkedHashMap<>(p.parameters());
                params.put("longStopMonths", new java.math.BigDecimal(6));
                params.put("deadlineDays", new java.math.BigDecimal(20));
                p = p.withParameters(params);
            }
            packs.add(p);
        }
        RuleEngine custom = new RuleEngine(RuleCatalog.of(packs), RuleLogics.all());
        Declaration stopped = patched("""
                {"mine": {"status": "STOPPED", "stoppedSince": "2026-03-01"}, "production": {"output": 0}}""");

        List<Finding> findings = custom.evaluate(stopped, EvaluationContext.asOf(LocalDate.of(2026, 10, 18)));

        assertThat(findings).filteredOn(f -> f.ruleId().equals("ZZ-STOP-01")).singleElement()
                .satisfies(f -> assertThat(f.params().get("longStopMonths"))
                        .isEqualTo(Map.of("value", new java.math.BigDecimal(6), "pack", "ZZ")));
        assertThat(findings).extracting(Finding::ruleId).doesNotContain("SX-STOP-01"); // retired in 1.1
        // deadline moved from 15 to 20 days: the 18th of October is on time
        assertThat(findings).noneMatch(f -> f.ruleId().equals("CORE-LATE-01"));
        // the standard packs: 12 months (ZZ) and late since the 16th
        List<Finding> standardFindings = engine.evaluate(stopped, EvaluationContext.asOf(LocalDate.of(2026, 10, 18)));
        assertThat(standardFindings).extracting(Finding::ruleId).doesNotContain("ZZ-STOP-01").contains("CORE-LATE-01");
    }

    @Test
    void findingsComeOutSortedByRuleIdThenPath() throws IOException {
        Declaration d = patched("""
                {"production": {"boundaryViolation": true, "obsoleteEquipment": true},
                 "restorationFund": {"deposited": "1.00", "closingBalance": "1.00"}}""");
        List<Finding> findings = engine.evaluate(d, EvaluationContext.asOf(LocalDate.of(2026, 12, 1)));
        assertThat(findings).extracting(Finding::ruleId).isSorted()
                .contains("CORE-BOUND-01", "CORE-EQUIP-01", "CORE-FUND-01", "CORE-FUND-02", "CORE-LATE-01");
        assertThat(findings).filteredOn(f -> f.ruleId().equals("CORE-LATE-01")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING); // 1.1: no FLAG however late
                    assertThat(f.disposition()).isNull();
                    assertThat(f.message().zh()).contains("已逾期 47 天");
                });
    }

    @Test
    void shortfallIsFlaggedAsAbnormalListCandidateWithTheAmountInYuan() throws IOException {
        Declaration d = patched("{\"restorationFund\": {\"deposited\": \"60000.00\", \"closingBalance\": \"1275000.00\"}}");
        assertThat(engine.evaluate(d, EvaluationContext.asOf(LocalDate.of(2026, 10, 10))))
                .filteredOn(f -> f.ruleId().equals("CORE-FUND-02")).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.FLAG);
                    assertThat(f.disposition()).isEqualTo(Disposition.ABNORMAL_LIST);
                    assertThat(f.path()).isEqualTo("$.restorationFund.deposited");
                    assertThat(f.message().zh()).contains("差额 30000.00 元");
                    assertThat(f.message().en()).contains("shortfall 30000.00 yuan");
                    assertThat(f.citation()).contains("泽政办发〔2025〕5号");
                });
    }

    @Test
    void aShuozhouFindingOfAShanxiRuleNamesShuozhouAsTheSourceOfItsDisposition() throws IOException {
        Declaration d = patched("""
                {"jurisdiction": "140602", "period": "2026Q1", "mine": {"remainingReserves": 200}}""");
        assertThat(engine.evaluate(d, EvaluationContext.asOf(LocalDate.of(2026, 4, 10))))
                .filteredOn(f -> f.ruleId().equals("SX-LIFE-01")).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.FLAG);
                    assertThat(f.disposition()).isEqualTo(Disposition.NO_EXTENSION);
                    assertThat(f.rulePack()).isEqualTo(new PackRef("SX", "1.1.0"));
                    assertThat(f.severityFrom()).isEqualTo(new PackRef("SZ", "1.1.0"));
                    assertThat(f.message().zh()).contains("一律不再延期").doesNotContain("{consequence}");
                    assertThat(f.message().en()).contains("not to be extended");
                    assertThat(f.note()).isNull(); // the work plan, not the 2021-2025 plan, sets this
                });
    }

    @Test
    void aShuozhouPlanFindingAfter2025CarriesThePlanPeriodNote() throws IOException {
        Declaration d = patched("{\"jurisdiction\": \"140602\", \"restoration\": {\"restoredThisQuarterHa\": 0}}");
        assertThat(engine.evaluate(d, EvaluationContext.asOf(LocalDate.of(2026, 10, 10))))
                .filteredOn(f -> f.ruleId().equals("SZ-RECL-01")).singleElement()
                .satisfies(f -> assertThat(f.note()).isEqualTo(new LocalizedText(
                        "依据的规划期（2021-2025年）已届满，新规划发布前参照执行",
                        "the plan period has ended; applied until a successor plan is published")));
    }

    private static Declaration patched(String patch) throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        byte[] bytes = mapper.writeValueAsBytes(RuleVectors.mergePatch(RuleVectors.example(), mapper.readTree(patch)));
        var parsed = DeclarationParser.parse(bytes);
        assertThat(parsed.findings()).isEmpty();
        return parsed.declaration();
    }
}
