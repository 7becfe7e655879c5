package org.minedecl.shared.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.RuleVectors;
import org.minedecl.shared.rules.Severity;

class DeclarationParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static byte[] example() throws IOException {
        try (InputStream in = DeclarationParserTest.class.getClassLoader()
                .getResourceAsStream(RuleVectors.EXAMPLE)) {
            return in.readAllBytes();
        }
    }

    private static byte[] patched(String patchJson) throws IOException {
        return JSON.writeValueAsBytes(RuleVectors.mergePatch(RuleVectors.example(), JSON.readTree(patchJson)));
    }

    private static ParseResult parse(String text) {
        return DeclarationParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Refused for a duplicate key: the limit code, and one finding at {@code path} naming {@code key}. */
    private static void assertDuplicateKey(ParseResult r, String path, String key) {
        assertThat(r.limit()).isEqualTo("JSON_DUPLICATE_KEY");
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(path);
            assertThat(f.message().en()).contains("duplicate key \"" + key + "\"");
        });
    }

    @Test
    void theExampleParsesWithoutFindingsIntoExactDecimals() throws IOException {
        ParseResult r = DeclarationParser.parse(example());
        assertThat(r.findings()).isEmpty();
        Declaration d = r.declaration();
        assertThat(d.restorationFund().closingBalance()).isEqualTo(new BigDecimal("1305000.00"));
        assertThat(d.restorationFund().closingBalance().scale()).isEqualTo(2);
        assertThat(d.production().output()).isEqualTo(new BigDecimal("14.2"));
        assertThat(d.mine().rectification().decidedOn()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(d.greenMine().milestones()).hasSize(2);
        assertThat(d.attachments().get(1).kind()).isEqualTo(AttachmentKind.FUND_DEPOSIT_SLIP);
    }

    @Test
    void writingAndReadingBackGivesTheSameDeclarationAndTheSameJson() throws IOException {
        Declaration first = DeclarationParser.parse(example()).declaration();
        byte[] written = DeclarationWriter.write(first);
        ParseResult again = DeclarationParser.parse(written);
        assertThat(again.findings()).isEmpty();
        assertThat(again.declaration()).isEqualTo(first);
        JsonNode original = DeclarationParser.MAPPER.readTree(example());
        assertThat(DeclarationParser.MAPPER.readTree(written)).isEqualTo(original);
        assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"deposited\" : \"90000.00\"");
    }

    @Test
    void aDeclarationUsingEveryOptionalFieldRoundTripsThroughTheWriter() throws IOException {
        byte[] full = patched("""
                {"mine": {"stoppedSince": "2025-01-01", "constructionDeadline": "2027-01-01", "coalSeam": "THIN",
                          "rectification": {"category": "CLOSE", "decidedOn": "2025-06-30", "disposition": "CANCEL"}},
                 "licences": {"exploration": {"number": "T1", "validFrom": "2020-01-01", "validTo": "2030-01-01"}},
                 "production": {"processingRecoveryRate": 88.25, "comprehensiveUtilizationRate": 0},
                 "restoration": {"acceptedOn": "2026-08-01", "cancellationAppliedOn": "2026-08-15",
                                 "approvals": {"developmentPlan": true, "twoInOnePlan": false, "eia": true, "soilWaterPlan": false}},
                 "restorationFund": {"openingBalance": "-0.50", "closingBalance": "54999.50"},
                 "preparer": {"name": "张三", "organization": "晋城矿业咨询有限公司", "uscc": "91140525MA0JX7RP19"},
                 "amends": "R-2026-000123"}
                """);
        ParseResult first = DeclarationParser.parse(full);
        assertThat(first.findings()).isEmpty();
        byte[] written = DeclarationWriter.write(first.declaration());
        assertThat(DeclarationParser.parse(written).declaration()).isEqualTo(first.declaration());
        assertThat(DeclarationParser.MAPPER.readTree(written)).isEqualTo(DeclarationParser.MAPPER.readTree(full));
    }

    @Test
    void textThatIsNotJsonGivesOneSchemaFinding() {
        ParseResult r = parse("schema: mine-declaration/1");
        assertThat(r.declaration()).isNull();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CORE-SCHEMA-01");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message().en()).startsWith("The document does not follow mine-declaration/1: not valid JSON");
            assertThat(f.message().en()).doesNotContain("Exception").doesNotContain("\tat ");
        });
    }

    @Test
    void aTopLevelArrayIsNotADeclaration() {
        assertThat(parse("[1,2]").findings()).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("must be a JSON object"));
    }

    @Test
    void aDuplicateKeyGivesOneFindingNamingTheKeyAndItsPlace() {
        ParseResult r = parse("{\"schema\":\"mine-declaration/1\",\"mine\":{\"name\":\"a\",\"name\":\"b\"}}");
        assertThat(r.declaration()).isNull();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CORE-SCHEMA-01");
            assertThat(f.path()).isEqualTo("$.mine.name");
            assertThat(f.message().en()).contains("duplicate key \"name\"");
        });
    }

    @Test
    void hundredThousandDeepNestingGivesOneFindingAndNoStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        ParseResult r = parse(deep);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CORE-SCHEMA-01");
            assertThat(f.message().en()).contains("exceeds a parsing limit").contains("nesting depth");
        });
    }

    @Test
    void aFiftyMegabyteStringIsRefusedBeforeParsingAndNotEchoed() {
        StringBuilder sb = new StringBuilder(50_000_100).append("{\"schema\":\"");
        sb.append("x".repeat(50 * 1024 * 1024)).append("\"}");
        byte[] huge = sb.toString().getBytes(StandardCharsets.UTF_8);
        ParseResult r = DeclarationParser.parse(huge);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CORE-SCHEMA-01");
            assertThat(f.message().en()).contains("more than the limit of " + DeclarationParser.MAX_DOCUMENT_BYTES);
            assertThat(f.message().en().length()).isLessThan(300);
        });
    }

    @Test
    void aStringLongerThanTheStringLimitInsideTheSizeCapIsRefused() {
        String doc = "{\"schema\":\"" + "x".repeat(DeclarationParser.MAX_STRING_LENGTH + 1) + "\"}";
        ParseResult r = parse(doc);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.message().en()).contains("exceeds a parsing limit");
            assertThat(f.message().en().length()).isLessThan(400);
        });
    }

    @Test
    void aRepeatedKeyIsFoundInLargeObjectsAndInsideArraysToo() {
        StringBuilder wide = new StringBuilder("{\"attachments\":[{\"path\":\"a\"},{\"x\":{");
        for (int i = 0; i < 40; i++) {
            wide.append("\"k").append(i).append("\":").append(i).append(',');
        }
        wide.append("\"k7\":0}}]}");
        ParseResult r = parse(wide.toString());
        assertDuplicateKey(r, "$.attachments[1].x.k7", "k7");
        assertThat(parse("{\"a\":[{\"b\":1,\"b\":2}]}").limit()).isEqualTo("JSON_DUPLICATE_KEY");
        assertThat(parse("{\"a\":{\"b\":1},\"c\":{\"b\":2}}").limit()).as("same name, other objects").isNull();
    }

    @Test
    void eachReaderLimitIsNamedByItsOwnCodeAndOrdinaryErrorsByNone() {
        StringBuilder manyKeys = new StringBuilder("{");
        for (int i = 0; i < 12_000; i++) {
            manyKeys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
        }
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("JSON_TOO_DEEP", "[".repeat(5000) + "]".repeat(5000));
        cases.put("JSON_NUMBER_TOO_LONG", "{\"x\":" + "9".repeat(1000) + "}");
        cases.put("JSON_STRING_TOO_LONG", "{\"x\":\"" + "a".repeat(DeclarationParser.MAX_STRING_LENGTH + 1) + "\"}");
        cases.put("JSON_NAME_TOO_LONG", "{\"" + "n".repeat(DeclarationParser.MAX_NAME_LENGTH + 1) + "\":0}");
        cases.put("JSON_TOO_MANY_TOKENS", manyKeys.append("}").toString());
        cases.put("JSON_DUPLICATE_KEY", "{\"schema\":\"a\",\"schema\":\"b\"}");
        cases.put("JSON_TOO_LARGE", "{\"x\":\"" + "a".repeat(DeclarationParser.MAX_DOCUMENT_BYTES) + "\"}");
        cases.forEach((code, doc) -> assertThat(parse(doc).limit()).as(code).isEqualTo(code));
        assertThat(parse("{\"schema\":").limit()).as("truncated JSON").isNull();
        assertThat(parse("[1]").limit()).as("not an object").isNull();
        assertThat(parse("{\"schema\":\"mine-declaration/1\"}").limit()).isNull();
    }

    @Test
    void everyWrongTypeIsReportedWithItsPathAndTheDeclarationStillBuilt() throws IOException {
        ParseResult r = DeclarationParser.parse(patched("""
                {"mine": {"isNew": "no", "designScale": "60"},
                 "production": {"output": true},
                 "attachments": [{"path": "a.pdf", "kind": "MINING_LICENCE"}, {"path": "b.pdf", "kind": "SELFIE"}]}
                """));
        assertThat(r.findings()).extracting(Finding::path).containsExactlyInAnyOrder(
                "$.mine.isNew", "$.mine.designScale", "$.production.output", "$.attachments[1].kind");
        assertThat(r.findings()).extracting(Finding::ruleId).containsOnly("CORE-SCHEMA-01");
        assertThat(r.declaration()).isNotNull();
        assertThat(r.declaration().mine().isNew()).isNull();
        assertThat(r.declaration().mine().designScale()).isNull();
        assertThat(r.declaration().mine().name()).isEqualTo("金岭水泥用灰岩矿");
    }

    @Test
    void moneyOfTheWrongFormIsANumberFindingAtItsPath() throws IOException {
        ParseResult r = DeclarationParser.parse(patched("""
                {"restorationFund": {"deposited": 90000, "used": "35000.5", "required": "9e4"}}
                """));
        assertThat(r.findings()).extracting(Finding::ruleId).containsOnly("CORE-NUM-01");
        assertThat(r.findings()).extracting(Finding::path).containsExactlyInAnyOrder(
                "$.restorationFund.deposited", "$.restorationFund.used", "$.restorationFund.required");
        assertThat(r.declaration().restorationFund().deposited()).isNull();
    }

    @Test
    void datesMustBeRealCalendarDatesInIsoForm() throws IOException {
        ParseResult r = DeclarationParser.parse(patched("""
                {"licences": {"mining": {"validFrom": "2019-02-30", "validTo": "2029/05/31"}}}
                """));
        assertThat(r.findings()).extracting(Finding::path).containsExactlyInAnyOrder(
                "$.licences.mining.validFrom", "$.licences.mining.validTo");
        assertThat(r.findings()).extracting(Finding::ruleId).containsOnly("CORE-SCHEMA-01");
    }

    @Test
    void missingRequiredFieldsAndUnknownTopLevelFieldsAreAllListed() throws IOException {
        ParseResult r = DeclarationParser.parse(patched("""
                {"declarant": null, "restorationFund": {"used": null}, "colour": "red", "mine": {"colour": "red"}}
                """));
        assertThat(r.findings()).extracting(Finding::path).containsExactlyInAnyOrder(
                "$.declarant", "$.restorationFund.used", "$.colour");
    }

    @Test
    void aTargetLevelThatIsNotAListingIsRefused() throws IOException {
        ParseResult r = DeclarationParser.parse(patched("{\"greenMine\": {\"targetLevel\": \"IN_PROGRESS\"}}"));
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("$.greenMine.targetLevel"));
    }

    @Test
    void anAbsurdExponentIsRefusedInsteadOfBecomingAHugeNumber() throws IOException {
        byte[] doc = new String(patched("{}"), StandardCharsets.UTF_8)
                .replace("\"designScale\":60", "\"designScale\":1e999999999").getBytes(StandardCharsets.UTF_8);
        ParseResult r = DeclarationParser.parse(doc);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CORE-NUM-01");
            assertThat(f.path()).isEqualTo("$.mine.designScale");
        });
    }

    @Test
    void aNumberLiteralLongerThanTheLimitIsOneFinding() {
        ParseResult r = parse("{\"mine\": {\"designScale\": " + "9".repeat(DeclarationParser.MAX_NUMBER_LENGTH + 1) + "}}");
        assertThat(r.declaration()).isNull();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CORE-SCHEMA-01");
            assertThat(f.message().en()).contains("exceeds a parsing limit");
        });
    }

    @Test
    void trailingContentAfterTheObjectIsRefused() {
        ParseResult r = parse("{\"schema\": \"mine-declaration/1\"} {}");
        assertThat(r.declaration()).isNull();
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.message().en()).contains("not valid JSON"));
    }

    @Test
    void aDuplicateKeyInsideAnUnknownFieldIsFound() {
        ParseResult top = parse("{\"schema\":\"mine-declaration/1\",\"colour\":[1,{\"k\":1,\"k\":2}]}");
        assertDuplicateKey(top, "$.colour[1].k", "k");
        assertThat(top.declaration()).isNull();
        assertDuplicateKey(parse("{\"mine\":{\"colour\":{\"a\":{\"k\":1,\"k\":2}}}}"), "$.mine.colour.a.k", "k");
    }

    @Test
    void aDuplicateKeyInsideAValueOfTheWrongTypeIsFound() {
        assertDuplicateKey(parse("{\"mine\":{\"designScale\":{\"v\":60,\"v\":61}}}"), "$.mine.designScale.v", "v");
        assertDuplicateKey(parse("{\"attachments\":[{\"path\":\"a\"},[{\"k\":1,\"k\":2}]]}"),
                "$.attachments[1][0].k", "k");
    }

    @Test
    void anUnknownNameTwiceInOneObjectIsADuplicateKey() {
        assertDuplicateKey(parse("{\"colour\":\"red\",\"schema\":\"mine-declaration/1\",\"colour\":\"blue\"}"),
                "$.colour", "colour");
        assertThat(parse("{\"mine\":{\"colour\":1,\"name\":\"a\",\"colour\":1}}").limit())
                .isEqualTo("JSON_DUPLICATE_KEY");
        assertThat(parse("{\"mine\":{\"colour\":1},\"declarant\":{\"colour\":1}}").limit())
                .as("same unknown name, other objects").isNull();
    }

    @Test
    void fieldsInAnyOrderOrWithEscapedNamesReadTheSameAndARepeatMatchedByItsBytesIsStillADuplicate() {
        ParseResult inOrder = parse("{\"enterprise\":{\"name\":\"a\",\"uscc\":\"b\",\"legalRepresentative\":\"c\","
                + "\"contact\":{\"name\":\"d\",\"phone\":\"e\"}}}");
        ParseResult reordered = parse("{\"enterprise\":{\"contact\":{\"phone\":\"e\",\"n\\u0061me\":\"d\"},"
                + "\"legalRepresentative\":\"c\",\"\\u0075scc\":\"b\",\"name\":\"a\"}}");
        assertThat(reordered.declaration()).isEqualTo(inOrder.declaration());
        assertThat(reordered.findings()).isEqualTo(inOrder.findings());
        assertThat(inOrder.declaration().enterprise().contact().name()).isEqualTo("d");
        assertDuplicateKey(parse("{\"enterprise\":{\"contact\":{\"name\":\"d\",\"phone\":\"e\",\"name\":\"f\"}}}"),
                "$.enterprise.contact.name", "name");
    }

    @Test
    void aKnownKeyRepeatedAfterANullIsStillADuplicate() {
        assertDuplicateKey(parse("{\"mine\":{\"name\":null,\"name\":\"b\"}}"), "$.mine.name", "name");
    }

    @Test
    void aRepeatedKeyWhoseValueIsMalformedIsASyntaxErrorAsBefore() {
        ParseResult r = parse("{\"mine\":{\"name\":\"a\",\"name\":tru}}");
        assertThat(r.limit()).isNull();
        assertThat(r.findings()).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("not valid JSON").contains("'tru'"));
    }

    @Test
    void aSyntaxErrorAfterFieldErrorsGivesOnlyTheSyntaxFinding() throws IOException {
        String doc = new String(patched("{\"mine\": {\"isNew\": \"no\"}, \"colour\": 1}"), StandardCharsets.UTF_8);
        assertThat(parse(doc).findings()).hasSize(2);
        String broken = doc.substring(0, doc.lastIndexOf('}')) + ",}";
        ParseResult r = parse(broken);
        assertThat(r.declaration()).isNull();
        assertThat(r.limit()).isNull();
        assertThat(r.findings()).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("not valid JSON"));
    }

    @Test
    void anythingButWhiteSpaceAfterTheObjectIsRefusedWithoutPartialFindings() {
        for (String tail : new String[] {" x", " 1", " []", " \"s\"", "}"}) {
            ParseResult r = parse("{\"mine\": {\"isNew\": \"no\"}, \"colour\": 1}" + tail);
            assertThat(r.declaration()).as(tail).isNull();
            assertThat(r.findings()).as(tail).singleElement()
                    .satisfies(f -> assertThat(f.message().en()).contains("not valid JSON"));
        }
        assertThat(parse("{\"schema\":\"mine-declaration/1\"} {}").findings()).singleElement()
                .satisfies(f -> assertThat(f.message().en()).contains("Trailing token (of type START_OBJECT)"));
        assertThat(parse("{\"schema\":\"mine-declaration/1\"} \n\t").declaration()).isNotNull();
    }

    @Test
    void aTooLongStringIsALimitEvenInAValueThatIsSkipped() {
        String longString = "\"" + "x".repeat(DeclarationParser.MAX_STRING_LENGTH + 1) + "\"";
        assertThat(parse("{\"mine\":{\"colour\":" + longString + "}}").limit()).isEqualTo("JSON_STRING_TOO_LONG");
        assertThat(parse("{\"mine\":{\"isNew\":" + longString + "}}").limit()).isEqualTo("JSON_STRING_TOO_LONG");
        assertThat(parse("{\"mine\":{\"name\":\"a\",\"name\":" + longString + "}}").limit())
                .as("the repeated value is read first, as the tree did").isEqualTo("JSON_STRING_TOO_LONG");
    }

    @Test
    void findingsComeInDocumentOrderWithMissingRequiredFieldsWhenTheirObjectEnds() {
        ParseResult r = parse("""
                {"colour": 1, "mine": {"isNew": "no", "rectification": {}, "designScale": true},
                 "period": 2026, "attachments": [null, {"kind": "SELFIE"}]}
                """);
        assertThat(r.findings()).extracting(Finding::path).containsExactly(
                "$.colour", "$.mine.isNew", "$.mine.rectification.category", "$.mine.designScale",
                "$.mine.name", "$.mine.mineral", "$.mine.miningMethod", "$.mine.status", "$.mine.scaleClass",
                "$.mine.remainingReserves", "$.period", "$.attachments[0]", "$.attachments[1].kind",
                "$.attachments[1].path", "$.schema", "$.jurisdiction", "$.enterprise", "$.licences",
                "$.production", "$.restorationFund", "$.restoration", "$.greenMine", "$.declarant");
    }

    @Test
    void aValueOfTheWrongKindIsShownAsJsonShowsIt() {
        ParseResult r = parse("""
                {"attachments": [null, 1], "mine": {"mineral": 1.0E+2, "scaleClass": -0, "stoppedSince": [1, {"x": null}]},
                 "restorationFund": {"deposited": 1.50, "used": 1e2, "required": 12345678901234567890123}}
                """);
        assertThat(r.findings()).extracting(f -> f.path() + " " + f.message().en().replaceFirst("^.*?: ", ""))
                .contains("$.attachments[0] wrong type: expected an object, found null",
                        "$.attachments[1] wrong type: expected an object, found a number",
                        "$.mine.mineral unknown value 1.0E+2, expected one of BAUXITE, IRON, COPPER, GOLD, "
                                + "CEMENT_LIMESTONE, BUILDING_LIMESTONE, SMELTING_DOLOMITE, DOLOMITE, BASALT, GRANITE, "
                                + "CERAMIC_CLAY, BRICK_CLAY, CONSTRUCTION_SAND, BUILDING_STONE, COAL, OTHER",
                        "$.mine.scaleClass unknown value 0, expected one of LARGE, MEDIUM, SMALL",
                        "$.mine.stoppedSince a date must be a valid YYYY-MM-DD, not [1,{\"x\":null}]",
                        "$.restorationFund.deposited money must be a string with exactly two fraction digits "
                                + "(like \"30000.00\"), not 1.50",
                        "$.restorationFund.used money must be a string with exactly two fraction digits "
                                + "(like \"30000.00\"), not 1E+2",
                        "$.restorationFund.required money must be a string with exactly two fraction digits "
                                + "(like \"30000.00\"), not 12345678901234567890123");
        assertThat(r.findings()).filteredOn(f -> f.path().equals("$.attachments[0]")).singleElement()
                .satisfies(f -> assertThat(f.message().zh()).endsWith("类型错误：应为对象，实际为 null"));
    }

    @Test
    void emptyInputIsOneFinding() {
        List<Finding> f = DeclarationParser.parse(new byte[0]).findings();
        assertThat(f).singleElement().satisfies(x -> assertThat(x.message().en()).contains("empty"));
    }
}
