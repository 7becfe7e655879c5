package org.minedecl.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minedecl.server.scope.Scope;
import org.minedecl.server.statistics.StatisticsService;
import org.minedecl.server.support.Rows;
import org.minedecl.shared.declaration.Mineral;
import org.minedecl.shared.declaration.Period;

/**
 * The demo county loaded through the real upload path (signature, certificate, rules, receipt, storage) on H2:
 * the Shuozhou counts, and a regulator's statistics that show the planned mix of late, missing and flagged filings.
 */
@MicronautTest(environments = DemoClock.ENVIRONMENT, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCountyTest implements TestPropertyProvider {
    @Inject
    DemoLoader loader;
    @Inject
    StatisticsService statistics;
    @Inject
    DataSource dataSource;
    @Inject
    BulkLoader bulk;
    Path dataDir;

    @Override
    public Map<String, String> getProperties() {
        try {
            dataDir = Files.createTempDirectory("minedecl-demo-test");
            return Map.of("minedecl.data-dir", dataDir.toString(), "micronaut.server.port", "-1");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theShuozhouCountyLoadsThroughTheUploadPathWithLateMissingAndFlaggedFilings() throws Exception {
        List<ShuozhouMines.Mine> mines = ShuozhouMines.generate(20201231L);
        assertThat(mines).hasSize(103);
        Map<String, Long> byDistrict = mines.stream().collect(Collectors.groupingBy(m -> m.district().name(),
                TreeMap::new, Collectors.counting()));
        assertThat(byDistrict).isEqualTo(new TreeMap<>(Map.of("朔城区", 16L, "平鲁区", 23L, "山阴县", 23L,
                "怀仁市", 20L, "右玉县", 19L, "应县", 2L)));
        Map<Mineral, Long> byMineral = mines.stream().collect(Collectors.groupingBy(ShuozhouMines.Mine::mineral,
                Collectors.counting()));
        assertThat(byMineral.get(Mineral.BUILDING_LIMESTONE) + byMineral.get(Mineral.CEMENT_LIMESTONE)).isEqualTo(77);
        assertThat(byMineral).containsEntry(Mineral.GRANITE, 5L).containsEntry(Mineral.BASALT, 5L)
                .containsEntry(Mineral.DOLOMITE, 1L).containsEntry(Mineral.CERAMIC_CLAY, 8L)
                .containsEntry(Mineral.CONSTRUCTION_SAND, 2L).containsEntry(Mineral.BRICK_CLAY, 4L)
                .containsEntry(Mineral.IRON, 1L);
        assertThat(mines.stream().filter(ShuozhouMines.Mine::provinceLicensed).map(ShuozhouMines.Mine::mineral))
                .containsExactlyInAnyOrder(Mineral.IRON, Mineral.CEMENT_LIMESTONE, Mineral.CEMENT_LIMESTONE);
        long below = mines.stream().filter(ShuozhouMines.Mine::belowMinimum).count();
        assertThat(below).isBetween(5L, 25L);

        DemoLoader.Report r = loader.load(20201231L, new Period(2025, 4), 3, Instant.parse("2026-12-01T00:00:00Z"),
                Files.createTempDirectory("minedecl-demo-work"));

        assertThat(r.refused()).isEmpty();
        r.perQuarter().forEach((q, c) -> System.out.println("DEMO " + q + " filed=" + c[0] + " flagged=" + c[1]
                + " late=" + c[2] + " notFiled=" + c[3] + " shortfall=" + c[4]));
        int filed = r.perQuarter().values().stream().mapToInt(c -> c[0]).sum();
        // (bulk mode's rows, from the other test, are 2024's)
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM submission WHERE period >= '2025Q4'")).isEqualTo(filed);
        assertThat(filed).isBetween(3 * 103 * 80 / 100, 3 * 103);
        Map<String, Long> flags = new TreeMap<>();
        for (String rule : List.of("CORE-FUND-02", "CORE-LATE-01", "SX-SCALE-02")) {
            flags.put(rule, Rows.count(dataSource, "SELECT COUNT(*) FROM flag WHERE rule_id = ? AND period >= '2025Q4'",
                    rule));
        }
        System.out.println("DEMO flags " + flags + " all " + Rows.count(dataSource, "SELECT COUNT(*) FROM flag WHERE period >= '2025Q4'"));

        int[] q2 = r.perQuarter().get("2026Q2");
        StatisticsService.Statistics s = statistics.statistics(Scope.regulator("朔州市", List.of("140600")), "2026Q2",
                null);
        assertThat(s.jurisdictions()).hasSize(6);
        assertThat(s.total().filed()).isEqualTo(q2[0]);
        assertThat(s.total().late()).isEqualTo(q2[2]).isPositive();
        assertThat(s.total().onTime()).isEqualTo(q2[0] - q2[2]);
        assertThat(s.total().missing()).isPositive();
        assertThat(s.total().flaggedByRule().get("CORE-FUND-02")).isEqualTo(q2[4]);
        assertThat(s.total().fundShortfall()).isPositive();
        // every mine below the minimum scale is flagged NO_EXTENSION once 2025 is over (SZ: SX-SCALE-02 FLAG)
        assertThat(Rows.count(dataSource, "SELECT COUNT(DISTINCT mining_licence) FROM flag WHERE rule_id = "
                + "'SX-SCALE-02' AND period = '2026Q2'")).isEqualTo(
                mines.stream().filter(ShuozhouMines.Mine::belowMinimum).filter(m -> Rows.count(dataSource,
                        "SELECT COUNT(*) FROM submission WHERE mining_licence = ? AND period = '2026Q2'",
                        m.licence()) > 0).count());
    }

    @Test
    void bulkModeInsertsExactlyTheRowsAskedForSpreadOverTheProvince() {
        long before = Rows.count(dataSource, "SELECT COUNT(*) FROM submission");

        BulkLoader.Result r = bulk.load(7, 5000, new Period(2024, 1), 4);

        assertThat(r.submissions()).isEqualTo(5000);
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM submission") - before).isEqualTo(5000);
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM period_filing WHERE period LIKE '2024%'"))
                .isEqualTo(5000);
        assertThat(Rows.count(dataSource, "SELECT COUNT(DISTINCT jurisdiction) FROM submission WHERE period = "
                + "'2024Q1'")).isEqualTo(132);
        StatisticsService.Statistics s = statistics.statistics(Scope.regulator("province", List.of("140000")),
                "2024Q2", null);
        assertThat(s.total().filed()).isBetween(1100L, 1300L);
        assertThat(s.total().missing()).isPositive();
        assertThat(s.total().late()).isPositive();
        assertThat(s.total().flaggedByRule()).containsKeys("CORE-FUND-02", "CORE-LATE-01");
        assertThat(s.total().fundShortfall()).isPositive();
    }
}
