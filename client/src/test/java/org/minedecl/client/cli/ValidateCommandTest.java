package org.minedecl.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.Main;
import org.minedecl.shared.rules.RuleVectors;

class ValidateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String patch) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, JSON.writeValueAsBytes(RuleVectors.mergePatch(RuleVectors.example(), JSON.readTree(patch))));
        return p;
    }

    @Test
    void theExampleIsCleanAsOfTenOctoberAndExitsZero() throws IOException {
        Path file = write("example.json", "{}");
        CliRun r = CliRun.of("validate", file.toString(), "--as-of", "2026-10-10");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("适用规则包：CORE 1.1.0, SX 1.1.0 (140000), ZZ 1.1.0 (140525)")
                .contains("合计：错误 0，标记 0").doesNotContain("ERROR").doesNotContain("FLAG");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anUnbalancedFundExitsOneAndNamesRulePathAndCitationInEnglish() throws IOException {
        Path file = write("bad.json", "{\"restorationFund\": {\"closingBalance\": \"1305000.01\"}}");
        CliRun r = CliRun.of("validate", file.toString(), "--as-of", "2026-10-10", "--lang", "en");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("ERROR (must be fixed) (1)")
                .contains("CORE-FUND-01  $.restorationFund.closingBalance")
                .contains("Citation: 泽政办发〔2025〕5号 二(四)")
                .contains("Summary: errors 1, flags 0, warnings 0");
    }

    @Test
    void jsonOutputIsExactlyAFindingsObject() throws IOException {
        Path file = write("short.json", "{\"restorationFund\": {\"deposited\": \"60000.00\", \"closingBalance\": \"1275000.00\"}}");
        CliRun r = CliRun.of("validate", file.toString(), "--as-of", "2026-10-10", "--format", "json");
        assertThat(r.exit()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.size()).isEqualTo(1);
        JsonNode f = doc.get("findings").get(0);
        assertThat(f.get("ruleId").asText()).isEqualTo("CORE-FUND-02");
        assertThat(f.get("severity").asText()).isEqualTo("FLAG");
        assertThat(f.get("disposition").asText()).isEqualTo("ABNORMAL_LIST");
        assertThat(f.get("path").asText()).isEqualTo("$.restorationFund.deposited");
        assertThat(f.get("message").get("zh").asText()).contains("30000.00");
        assertThat(f.get("params").get("shortfall").asText()).isEqualTo("30000.00");
    }

    @Test
    void aFileThatIsNotJsonIsASchemaFindingNotAUsageError() throws IOException {
        Path file = dir.resolve("notjson.json");
        Files.writeString(file, "hello");
        CliRun r = CliRun.of("validate", file.toString(), "--as-of", "2026-10-10", "--format", "json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(JSON.readTree(r.out()).get("findings").get(0).get("ruleId").asText()).isEqualTo("CORE-SCHEMA-01");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aJurisdictionWithoutAPackSaysItWasCheckedByCoreOnly() throws IOException {
        Path file = write("beijing.json", "{\"jurisdiction\": \"110101\"}");
        CliRun r = CliRun.of("validate", file.toString(), "--as-of", "2026-10-10", "--lang", "en");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Rule packs applied: CORE 1.1.0").contains("checked by CORE only");
    }

    @Test
    void thePreviousDeclarationEnablesTheConsistencyCheck() throws IOException {
        Path file = write("now.json", "{}");
        Path prev = write("prev.json", "{\"period\": \"2026Q2\", \"restorationFund\": {\"closingBalance\": \"1.00\"}}");
        CliRun r = CliRun.of("validate", file.toString(), "--previous", prev.toString(), "--as-of", "2026-10-10",
                "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("CORE-CONS-01");
    }

    @Test
    void severalPreviousQuartersTogetherShowProductionBeyondCapacity() throws IOException {
        Path file = write("q3.json", "{}");
        Path q1 = write("q1.json", "{\"period\": \"2026Q1\", \"production\": {\"output\": 25}}");
        Path q2 = write("q2.json", "{\"period\": \"2026Q2\", \"production\": {\"output\": 21}}");
        CliRun both = CliRun.of("validate", file.toString(), "--previous", q1.toString(), "--previous", q2.toString(),
                "--as-of", "2026-10-10", "--format", "json");
        assertThat(both.exit()).isZero();
        JsonNode cap = null;
        for (JsonNode f : JSON.readTree(both.out()).get("findings")) {
            if (f.get("ruleId").asText().equals("CORE-CAP-01")) {
                cap = f;
            }
        }
        assertThat(cap).as(both.out()).isNotNull();
        assertThat(cap.get("disposition").asText()).isEqualTo("RECTIFY");
        assertThat(cap.get("params").get("yearOutput").decimalValue()).isEqualByComparingTo("60.2");
        assertThat(cap.get("rulePack").get("version").asText()).isEqualTo("1.1.0");
        // one quarter alone (25 + 14.2) stays under the design scale of 60: silent, nothing guessed
        CliRun one = CliRun.of("validate", file.toString(), "--previous", q1.toString(), "--as-of", "2026-10-10",
                "--format", "json");
        assertThat(one.out()).doesNotContain("CORE-CAP-01");
    }

    @Test
    void aShuozhouMineShortOfFiveYearsIsToldShuozhouSetsNoExtensionAndThatThePlanPeriodHasEnded() throws IOException {
        Path file = write("sz.json", "{\"jurisdiction\": \"140602\", \"mine\": {\"remainingReserves\": 200},"
                + " \"restoration\": {\"restoredThisQuarterHa\": 0}}");
        CliRun r = CliRun.of("validate", file.toString(), "--as-of", "2026-10-10", "--lang", "en");
        assertThat(r.out()).contains("SX-LIFE-01 [NO_EXTENSION]").contains("Severity and disposition set by SZ@1.1.0")
                .contains("Note: the plan period has ended; applied until a successor plan is published");
        CliRun zh = CliRun.of("validate", file.toString(), "--as-of", "2026-10-10");
        assertThat(zh.out()).contains("严重程度与处置由 SZ@1.1.0 设定").contains("说明：依据的规划期（2021-2025年）已届满");
    }

    @Test
    void aMissingFileIsAUsageErrorOnOneStderrLine() {
        CliRun r = CliRun.of("validate", dir.resolve("nope.json").toString(), "--as-of", "2026-10-10");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("minedecl validate: no such file").doesNotContain("\n");
    }

    @Test
    void aBadDateIsAUsageError() throws IOException {
        Path file = write("example.json", "{}");
        CliRun r = CliRun.of("validate", file.toString(), "--as-of", "2026-02-30");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("minedecl validate: --as-of must be a date YYYY-MM-DD, not 2026-02-30");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownOptionIsAUsageError() throws IOException {
        Path file = write("example.json", "{}");
        CliRun r = CliRun.of("validate", file.toString(), "--colour");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(
                "minedecl validate: unknown option or extra argument: --colour (see minedecl validate --help)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownFormatIsAUsageErrorOnOneLine() throws IOException {
        Path file = write("example.json", "{}");
        CliRun r = CliRun.of("validate", file.toString(), "--format", "xml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("minedecl validate: --format must be text or json, not xml");
    }

    @Test
    void noFileIsAUsageError() {
        CliRun r = CliRun.of("validate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("minedecl validate: missing FILE.json");
    }

    @Test
    void anUnreadableDocumentStillNamesTheFileAndTheSigningDate() throws IOException {
        Path file = dir.resolve("dup.json");
        Files.writeString(file, "{\"schema\":\"a\",\"schema\":\"b\"}");
        CliRun r = CliRun.of("validate", file.toString(), "--as-of", "2026-10-10", "--lang", "en");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("Declaration dup.json (signing date 2026-10-10)")
                .contains("CORE-SCHEMA-01  $.schema").contains("duplicate key \"schema\"");
    }
}
