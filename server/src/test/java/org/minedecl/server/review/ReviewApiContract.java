package org.minedecl.server.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minedecl.server.abnormal.AbnormalListService;
import org.minedecl.server.problem.ProblemException;
import org.minedecl.server.scope.Scope;
import org.minedecl.server.statistics.StatisticsService;
import org.minedecl.server.support.Api;
import org.minedecl.server.support.Declarations;
import org.minedecl.server.support.Rows;
import org.minedecl.server.support.SignedPackages;
import org.minedecl.server.support.TestData;
import org.minedecl.server.support.TestUsers;
import org.minedecl.shared.testpki.TestPki;

/**
 * Review (CONTRACTS section 9) on H2 ({@link ReviewApiH2Test}) and PostgreSQL ({@link ReviewApiPostgresTest}): decisions
 * and the abnormal-list register's life cycle, missing filings, statistics, exports. Each test files under its own
 * jurisdiction code or quarters, so the tests do not see each other's filings. The HTTP calls are a province
 * regulator's (certificate login); the scoping of the other principals is checked on the services with explicit
 * scopes here, and over HTTP by the access matrix ({@code access.AccessMatrixContract}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReviewApiContract implements TestPropertyProvider {
    static final String OPERATOR_A = TestPki.EXAMPLE_USCC;
    static final String OPERATOR_B = "91140525MA0JX7RP27";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    @Inject
    DecisionService decisions;
    @Inject
    AbnormalListService abnormalList;
    @Inject
    StatisticsService statistics;

    Api api;
    /** The HTTP calls are a province regulator's (140000 covers every jurisdiction these tests file under). */
    String provinceToken;
    SignedPackages packages;

    Map<String, String> commonProperties() {
        TestData data = TestData.create("minedecl-review-test");
        packages = data.packages();
        TestUsers.installAdmin(data.dataDir());
        return Map.of("minedecl.data-dir", data.dataDir().toString(), "micronaut.server.port", "-1");
    }

    @BeforeEach
    void client() {
        if (provinceToken == null) {
            provinceToken = TestUsers.regulatorToken(new Api(server.getURI()), "山西省自然资源厅", "140000");
        }
        api = new Api(server.getURI()).withToken(provinceToken);
    }

    /** Uploads and returns the receipt id; the upload must be accepted. */
    String file(Declarations d) {
        Api.Answer a = api.upload(packages.sign(d));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return a.json().path("receipt").path("receiptId").asText();
    }

    /** A declaration of {@code jurisdiction} whose deposit falls {@code shortfall} yuan short of the 90,000 required. */
    static Declarations shortfall(String jurisdiction, String shortfall) {
        BigDecimal deposited = new BigDecimal("90000.00").subtract(new BigDecimal(shortfall));
        BigDecimal closing = new BigDecimal("1250000.00").add(deposited).subtract(new BigDecimal("35000.00"));
        return Declarations.example().jurisdiction(jurisdiction)
                .fund("1250000.00", deposited.toPlainString(), "35000.00", closing.toPlainString());
    }

    Api.Answer decide(String id, String decision, String ruleId, String reason) {
        return api.postJson("/api/v1/submissions/" + id + "/decisions", "{\"decision\":\"" + decision + "\""
                + (ruleId == null ? "" : ",\"ruleId\":\"" + ruleId + "\"")
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
    }

    List<String> states(String jurisdiction, String state) {
        JsonNode entries = api.get("/api/v1/abnormal-list?jurisdiction=" + jurisdiction
                + (state == null ? "" : "&state=" + state)).json().path("entries");
        return StreamSupport.stream(entries.spliterator(), false)
                .map(e -> e.path("ruleId").asText() + " " + e.path("state").asText()).toList();
    }

    @Test
    void aShortfallIsACandidateThatARegulatorConfirmsAndOnlyTheOperatorConcernedSees() {
        String id = file(shortfall("140521", "30000.00"));
        assertThat(states("140521", "CANDIDATE")).containsExactly("CORE-FUND-02 CANDIDATE");

        Api.Answer d = decide(id, "CONFIRM_ABNORMAL", "CORE-FUND-02", "基金存入不足 30000 元，列入异常名录");

        assertThat(d.status()).as(d.text()).isEqualTo(201);
        assertThat(d.json().path("entries").asInt()).isEqualTo(1);
        assertThat(d.json().path("decision").asText()).isEqualTo("CONFIRM_ABNORMAL");
        assertThat(states("140521", "CONFIRMED")).containsExactly("CORE-FUND-02 CONFIRMED");
        assertThat(states("140521", "CANDIDATE")).isEmpty();
        assertThat(states("140521", null)).containsExactly("CORE-FUND-02 CONFIRMED");
        Api.Answer list = api.get("/api/v1/submissions/" + id + "/decisions");
        assertThat(list.json().path("decisions").get(0).path("reason").asText()).isEqualTo("基金存入不足 30000 元，列入异常名录");
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM audit_event WHERE submission_id = ? AND action = ?", id,
                "DECISION_CONFIRM_ABNORMAL")).isEqualTo(1);

        // the operator concerned, its consultant (for this licence), the county and the city see the decision ...
        String licence = Rows.string(dataSource, "SELECT mining_licence FROM submission WHERE id = ?", id);
        assertThat(decisions.decisions(Scope.operator("A", OPERATOR_A), id)).hasSize(1);
        assertThat(decisions.decisions(Scope.enterprises("consultant", Map.of(OPERATOR_A, Set.of(licence))), id))
                .hasSize(1);
        assertThat(decisions.decisions(Scope.regulator("county", List.of("140521")), id)).hasSize(1);
        assertThat(decisions.decisions(Scope.regulator("city", List.of("140500")), id)).hasSize(1);
        assertThat(abnormalList.entries(Scope.operator("A", OPERATOR_A), "140521", "CONFIRMED").entries()).hasSize(1);
        // ... no other operator, no consultant for another licence, no neighbouring county or other city does
        for (Scope outsider : List.of(Scope.operator("B", OPERATOR_B),
                Scope.enterprises("consultant", Map.of(OPERATOR_A, Set.of("C1405212000000000000000"))),
                Scope.regulator("neighbour", List.of("140522")), Scope.regulator("other city", List.of("140600")))) {
            assertThatThrownBy(() -> decisions.decisions(outsider, id)).as(outsider.actor())
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.problem().status()).isEqualTo(404));
            assertThat(abnormalList.entries(outsider, null, null).entries()).as(outsider.actor())
                    .noneMatch(e -> e.submissionId().equals(id));
        }
        // an operator or consultant does not decide
        assertThatThrownBy(() -> decisions.decide(Scope.operator("A", OPERATOR_A), id,
                new DecisionService.DecisionRequest("DISMISS", null, "mine")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().code()).isEqualTo("FORBIDDEN"));
        // a regulator outside the jurisdiction does not find it
        assertThatThrownBy(() -> decisions.decide(Scope.regulator("neighbour", List.of("140522")), id,
                new DecisionService.DecisionRequest("DISMISS", null, "not mine")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(404));
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM decision WHERE submission_id = ?", id)).isEqualTo(1);
    }

    @Test
    void aConfirmedEntryIsRemovedOnlyWhenACorrectionNoLongerRaisesItAndARegulatorAcceptsIt() {
        Declarations first = shortfall("140522", "30000.00");
        String id = file(first);
        assertThat(decide(id, "CONFIRM_ABNORMAL", null, "confirmed").status()).isEqualTo(201);
        // accepting the flagged filing itself removes nothing
        Api.Answer same = decide(id, "ACCEPT", null, "seen");
        assertThat(same.status()).isEqualTo(201);
        assertThat(same.json().path("entries").asInt()).isZero();
        assertThat(states("140522", "CONFIRMED")).containsExactly("CORE-FUND-02 CONFIRMED");

        String correction = file(first.amends(id).fund("1250000.00", "90000.00", "35000.00", "1305000.00"));

        JsonNode entry = api.get("/api/v1/abnormal-list?jurisdiction=140522&state=CONFIRMED").json().path("entries").get(0);
        assertThat(entry.path("correctedBy").asText()).isEqualTo(correction);
        assertThat(decide(id, "CONFIRM_ABNORMAL", null, "again").code()).isEqualTo("SUBMISSION_SUPERSEDED");
        Api.Answer accept = decide(correction, "ACCEPT", null, "补缴到位，移出异常名录");
        assertThat(accept.status()).as(accept.text()).isEqualTo(201);
        assertThat(accept.json().path("entries").asInt()).isEqualTo(1);
        assertThat(states("140522", "CONFIRMED")).isEmpty();
        assertThat(states("140522", null)).isEmpty();
        JsonNode removed = api.get("/api/v1/abnormal-list?jurisdiction=140522&state=REMOVED").json().path("entries").get(0);
        assertThat(removed.path("state").asText()).isEqualTo("REMOVED");
        assertThat(removed.path("correctedBy").asText()).isEqualTo(correction);
        assertThat(removed.path("removalDecisionId").asText()).isEqualTo(accept.json().path("id").asText());
        assertThat(api.get("/api/v1/submissions/" + id + "/decisions").json().path("decisions"))
                .extracting(n -> n.path("decision").asText()).containsExactly("CONFIRM_ABNORMAL", "ACCEPT");
    }

    @Test
    void aDismissedCandidateLeavesTheListAndCannotBeDismissedTwice() {
        String id = file(shortfall("140523", "100.00"));
        assertThat(decide(id, "DISMISS", "CORE-FUND-02", "已补缴").status()).isEqualTo(201);
        assertThat(states("140523", null)).isEmpty();
        Api.Answer again = decide(id, "DISMISS", "CORE-FUND-02", "again");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("NO_CANDIDATE");
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM decision WHERE submission_id = ?", id)).isEqualTo(1);
    }

    @Test
    void badDecisionsAreRefusedWithACodeAndNothingIsStored() {
        String clean = file(Declarations.example().jurisdiction("140524"));
        assertThat(decide(clean, "APPROVE", null, "x").code()).isEqualTo("DECISION_INVALID");
        assertThat(decide(clean, "ACCEPT", "not a rule!", "x").code()).isEqualTo("DECISION_INVALID");
        assertThat(decide(clean, "ACCEPT", null, null).code()).isEqualTo("REASON_REQUIRED");
        assertThat(decide(clean, "ACCEPT", null, "  ").code()).isEqualTo("REASON_REQUIRED");
        Api.Answer none = decide(clean, "CONFIRM_ABNORMAL", null, "x");
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.code()).isEqualTo("NO_CANDIDATE");
        Api.Answer unknown = decide("00000000-0000-7000-8000-000000000000", "ACCEPT", null, "x");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("SUBMISSION_NOT_FOUND");
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM decision WHERE submission_id = ?", clean)).isZero();
        assertThat(decide(clean, "RETURN", null, "请补充附件").status()).isEqualTo(201);
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM decision WHERE submission_id = ?", clean)).isEqualTo(1);
    }

    /** Q4 2025 and Q1 2026 in 140525: L1 on time with a shortfall, L2 late with one, L3 missing, L4 new. */
    @Test
    void statisticsAndMissingFilingsCountAQuarterAfterItsDeadline() {
        String l1 = "C1405252025127130000001";
        String l2 = "C1405252025127130000002";
        String l3 = "C1405252025127130000003";
        String l4 = "C1405252025127130000004";
        for (String l : List.of(l1, l2, l3)) {
            file(Declarations.example().licence(l).period("2025Q4")
                    .fund("1195000.00", "90000.00", "35000.00", "1250000.00"));
        }
        String q1a = file(Declarations.example().licence(l1).period("2026Q1")
                .fund("1250000.00", "60000.00", "35000.00", "1275000.00"));
        Declarations l2q1 = Declarations.example().licence(l2).period("2026Q1")
                .fund("1250000.00", "77654.33", "35000.00", "1292654.33");
        String q1b = file(l2q1);
        file(Declarations.example().licence(l4).period("2026Q1"));
        // L1's filing arrived before the deadline (2026-04-15, Asia/Shanghai)
        updateReceivedAt(q1a, "2026-04-15T23:59:00+08:00");

        StatisticsService.Statistics s = statistics.statistics(Scope.regulator("county", List.of("140525")), "2026Q1",
                null);

        assertThat(s.deadline()).hasToString("2026-04-15");
        assertThat(s.deadlinePassed()).isTrue();
        assertThat(s.jurisdictions()).hasSize(1);
        StatisticsService.Row t = s.total();
        assertThat(List.of(t.filed(), t.onTime(), t.late(), t.missing())).containsExactly(3L, 1L, 2L, 1L);
        assertThat(t.flaggedByRule()).containsEntry("CORE-FUND-02", 2L);
        assertThat(t.fundShortfall()).isEqualByComparingTo("42345.67");
        StatisticsService.MissingFilings m = statistics.missing(Scope.regulator("city", List.of("140500")), "2026Q1",
                "140525");
        assertThat(m.items()).extracting(x -> x.miningLicence()).containsExactly(l3);
        assertThat(m.items().get(0).enterpriseName()).isEqualTo("泽州县金岭建材矿业有限公司");
        // nobody else sees them
        assertThat(statistics.missing(Scope.regulator("other", List.of("140600")), "2026Q1", null).items()).isEmpty();
        assertThat(statistics.statistics(Scope.operator("B", OPERATOR_B), "2026Q1", null).total().filed()).isZero();

        // L2's amendment deposits in full: still one filing, late; its shortfall leaves the statistics
        file(l2q1.amends(q1b).fund("1250000.00", "90000.00", "35000.00", "1305000.00"));
        Api.Answer http = api.get("/api/v1/statistics?period=2026Q1&jurisdiction=140525");
        assertThat(http.status()).as(http.text()).isEqualTo(200);
        JsonNode total = http.json().path("total");
        assertThat(total.path("filed").asLong()).isEqualTo(3);
        assertThat(total.path("late").asLong()).isEqualTo(2);
        assertThat(total.path("flaggedByRule").path("CORE-FUND-02").asLong()).isEqualTo(1);
        assertThat(total.path("fundShortfall").decimalValue()).isEqualByComparingTo("30000.00");
        Api.Answer missing = api.get("/api/v1/missing-filings?period=2026Q1&jurisdiction=140525");
        assertThat(missing.json().path("items")).hasSize(1);
        assertThat(api.get("/api/v1/statistics?period=2026Q5").code()).isEqualTo("BAD_PARAMETER");
        assertThat(api.get("/api/v1/missing-filings?period=2026Q1&jurisdiction=14").code()).isEqualTo("BAD_PARAMETER");
    }

    @Test
    void aRegulatorsQueuePageCarriesEachSubmissionsFindingsAndTheTotal() {
        file(shortfall("140527", "500.00"));
        file(shortfall("140527", "700.00"));
        file(Declarations.example().jurisdiction("140527"));

        JsonNode page = api.get("/api/v1/submissions?jurisdiction=140527&status=FLAGGED&size=1").json();

        assertThat(page.path("total").asLong()).isEqualTo(2);
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("items").get(0).path("findings").findValuesAsText("ruleId")).contains("CORE-FUND-02");
        JsonNode past = api.get("/api/v1/submissions?jurisdiction=140527&status=FLAGGED&page=5&size=1").json();
        assertThat(past.path("items")).isEmpty();
        assertThat(past.path("total").asLong()).isEqualTo(2);
        assertThat(jurisdictions(api.get("/api/v1/submissions?jurisdiction=140500&period=2026Q3&size=500")))
                .contains("140527").allMatch(j -> j.startsWith("1405"));
        assertThat(jurisdictions(api.get("/api/v1/submissions?jurisdiction=140600"))).doesNotContain("140527");
    }

    /** The items' own jurisdictions (their rule packs name jurisdictions too). */
    static List<String> jurisdictions(Api.Answer page) {
        return StreamSupport.stream(page.json().path("items").spliterator(), false)
                .map(i -> i.path("jurisdiction").asText()).toList();
    }

    @Test
    void nothingIsMissingBeforeTheDeadline() {
        StatisticsService.MissingFilings m = statistics.missing(Scope.regulator("province", List.of("140000")), "2099Q1", null);
        assertThat(m.deadlinePassed()).isFalse();
        assertThat(m.items()).isEmpty();
        assertThat(statistics.statistics(Scope.regulator("province", List.of("140000")), "2099Q1", null).total().missing()).isZero();
    }

    @Test
    void exportedListsNeverRunAFormulaInCsvOrXlsx() throws Exception {
        file(shortfall("140526", "10.00").enterpriseName("=HYPERLINK(\"http://evil.example\",\"点击\")")
                .mineName("@SUM(1+1)"));

        Api.Answer csv = api.get("/api/v1/abnormal-list?jurisdiction=140526", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = csv.text();
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\")\"").contains("\"'@SUM(1+1)\"");
        assertThat(text.lines()).noneMatch(l -> l.matches("(^|.*,)[=+\\-@].*"));

        Api.Answer xlsx = api.get("/api/v1/abnormal-list?jurisdiction=140526", XLSX);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo(XLSX);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            Row entry = rows.get(1);
            List<String> cells = entry.stream().filter(java.util.Objects::nonNull)
                    .map(c -> c.getType() + ":" + c.getRawValue()).toList();
            assertThat(cells).contains("STRING:'=HYPERLINK(\"http://evil.example\",\"点击\")", "STRING:'@SUM(1+1)");
            assertThat(entry.stream().filter(java.util.Objects::nonNull)).noneMatch(c -> c.getType() == CellType.FORMULA);
        }

        Api.Answer stats = api.get("/api/v1/statistics?period=2026Q3&jurisdiction=140526", XLSX);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(stats.body()))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(6)).isEqualTo("fundShortfallYuan");
            assertThat(rows.get(1).getCell(2).getType()).isEqualTo(CellType.NUMBER);
            assertThat(rows.get(1).getCell(6).asNumber()).isEqualByComparingTo("10.00");
        }
        String statsCsv = new String(api.get("/api/v1/statistics?period=2026Q3&jurisdiction=140526", "text/csv").body(),
                StandardCharsets.UTF_8);
        assertThat(statsCsv.lines().skip(1).findFirst().orElseThrow()).startsWith("2026Q3,140526,1,0,1,0,10.00");
    }

    void updateReceivedAt(String id, String at) {
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection(); var ps = c.prepareStatement("UPDATE submission SET received_at = ? WHERE id = ?")) {
            ps.setObject(1, OffsetDateTime.parse(at));
            ps.setString(2, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
