package org.minedecl.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.DeclarationParser;
import org.minedecl.shared.rules.zz.ZzBuild01;
import org.minedecl.shared.rules.zz.ZzExhaust01;
import org.minedecl.shared.rules.zz.ZzStop01;

/**
 * The same Shuozhou mine under the rule packs 1.0.0 (kept as test resources in {@code rules-1.0/}, exactly as they
 * were shipped) and 1.1.0, through the one engine: the difference is the one RULES.md 1.1 describes. The 1.0 packs
 * run with today's logic classes; their three retired SX rules run with the logic that replaced them (the same
 * checks), SZ-RECOV-02 is given none to run because this mine is not a coal mine. What 1.1 changed in pack data
 * (severities, dispositions, who sets them, new rules) shows here; changes of logic show in the rules' vectors.
 */
class RulePacks10To11Test {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RuleEngine V11 = RuleEngine.standard();
    private static final RuleEngine V10 = v10();

    private static RuleEngine v10() {
        Map<String, RuleLogic> logics = new java.util.HashMap<>(RuleLogics.all());
        logics.put("SX-EXHAUST-01", new ZzExhaust01());
        logics.put("SX-STOP-01", new ZzStop01());
        logics.put("SX-BUILD-01", new ZzBuild01());
        logics.put("SZ-RECOV-02", (d, ctx) -> { });
        return new RuleEngine(RuleCatalog.load(RulePacks10To11Test.class.getClassLoader(), "rules-1.0"), logics);
    }

    /** An existing Shuozhou (朔城区) cement limestone mine: 20 万吨/年 (minimum 30), 3.33 years of reserves. */
    private static Declaration shuozhouMine(String period, String extra) throws IOException {
        String patch = "{\"jurisdiction\": \"140602\", \"period\": \"" + period + "\", \"mine\": {\"designScale\": 20, "
                + "\"remainingReserves\": 66.6, \"rectification\": null}" + extra + "}";
        var parsed = DeclarationParser.parse(JSON.writeValueAsBytes(
                RuleVectors.mergePatch(RuleVectors.example(), JSON.readTree(patch))));
        assertThat(parsed.findings()).isEmpty();
        return parsed.declaration();
    }

    private static Finding only(List<Finding> findings, String ruleId) {
        List<Finding> of = findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        assertThat(of).as(ruleId + " in " + findings.stream().map(Finding::ruleId).toList()).hasSize(1);
        return of.get(0);
    }

    @Test
    void theOnePackVersionIsOneZeroAndTheOtherOneOne() {
        assertThat(V10.packs()).extracting(RulePackInfo::version).containsOnly("1.0.0");
        assertThat(V11.packs()).extracting(RulePackInfo::version).containsOnly("1.1.0");
    }

    @Test
    void aShuozhouMineShortOfFiveYearsIsAnExitCandidateUnder10AndGetsNoExtensionUnder11() throws IOException {
        Declaration d = shuozhouMine("2026Q1", "");
        EvaluationContext asOf = EvaluationContext.asOf(LocalDate.of(2026, 4, 10));

        Finding before = only(V10.evaluate(d, asOf), "SX-LIFE-01");
        Finding after = only(V11.evaluate(d, asOf), "SX-LIFE-01");

        assertThat(before.severity()).isEqualTo(Severity.FLAG);
        assertThat(before.disposition()).isEqualTo(Disposition.EXIT); // 引导退出: Zezhou's disposition, province-wide
        assertThat(before.severityFrom()).isEqualTo(new PackRef("SX", "1.0.0"));
        assertThat(after.severity()).isEqualTo(Severity.FLAG);
        assertThat(after.disposition()).isEqualTo(Disposition.NO_EXTENSION); // Shuozhou's 一律不再延期
        assertThat(after.severityFrom()).isEqualTo(new PackRef("SZ", "1.1.0"));
        assertThat(after.rulePack()).isEqualTo(new PackRef("SX", "1.1.0"));
        assertThat(after.message().zh()).contains("一律不再延期");
    }

    @Test
    void inThe2025QuarterTheSameMineIsOnlyWarnedUnder11() throws IOException {
        Declaration d = shuozhouMine("2025Q4", "");
        EvaluationContext asOf = EvaluationContext.asOf(LocalDate.of(2026, 1, 10));

        assertThat(only(V10.evaluate(d, asOf), "SX-LIFE-01").disposition()).isEqualTo(Disposition.EXIT);
        Finding after = only(V11.evaluate(d, asOf), "SX-LIFE-01");
        assertThat(after.severity()).isEqualTo(Severity.WARNING);
        assertThat(after.disposition()).isNull();
        assertThat(after.severityFrom()).isEqualTo(new PackRef("SZ", "1.1.0"));
    }

    @Test
    void aFirstBoundaryViolationIsNoLongerAClosureCandidate() throws IOException {
        Declaration d = shuozhouMine("2026Q1", ", \"production\": {\"boundaryViolation\": true}");
        EvaluationContext asOf = EvaluationContext.asOf(LocalDate.of(2026, 4, 10));

        List<Finding> before = V10.evaluate(d, asOf);
        List<Finding> after = V11.evaluate(d, asOf);

        assertThat(only(before, "CORE-BOUND-01").disposition()).isEqualTo(Disposition.CLOSE);
        assertThat(only(after, "CORE-BOUND-01").disposition()).isEqualTo(Disposition.RECTIFY);
        // (the late filing's lost FLAG is a change of logic, not of pack data: CORE-LATE-01's vectors 004-005 show it)
        // the scale shortfall after 2025: NO_EXTENSION both times, but under 1.1 it is Shuozhou that says so
        assertThat(only(before, "SX-SCALE-02").severityFrom()).isEqualTo(new PackRef("SX", "1.0.0"));
        assertThat(only(after, "SX-SCALE-02").disposition()).isEqualTo(Disposition.NO_EXTENSION);
        assertThat(only(after, "SX-SCALE-02").severityFrom()).isEqualTo(new PackRef("SZ", "1.1.0"));
    }

    @Test
    void checksThe10PacksMissedAppearUnder11WithThePlanPeriodNote() throws IOException {
        Declaration d = shuozhouMine("2026Q1", ", \"restoration\": {\"restoredThisQuarterHa\": 0}");
        EvaluationContext asOf = EvaluationContext.asOf(LocalDate.of(2026, 4, 10));

        List<String> before = V10.evaluate(d, asOf).stream().map(Finding::ruleId).toList();
        List<Finding> after = V11.evaluate(d, asOf);

        assertThat(before).doesNotContain("SZ-RECL-01", "SZ-GREEN-04");
        assertThat(only(after, "SZ-RECL-01").severity()).isEqualTo(Severity.WARNING);
        assertThat(only(after, "SZ-GREEN-04").note()).isNotNull();
        assertThat(only(after, "SZ-RECL-01").note().en()).contains("plan period has ended");
    }
}
