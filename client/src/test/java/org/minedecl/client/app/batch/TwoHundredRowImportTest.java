package org.minedecl.client.app.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.minedecl.shared.rules.DeclarationValidator;
import org.minedecl.shared.rules.RuleEngine;

/**
 * The done-when test of issue #14: 200 rows with eight kinds of mistakes, each found at its cell with its rule,
 * every other row written as a declaration that validates.
 */
class TwoHundredRowImportTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 10);

    /** A mistake: the row it is in, the column, the cell's content, and the rule that must find it there. */
    record Mistake(int row, String column, Object cell, String ruleId) {
    }

    static final List<Mistake> MISTAKES = List.of(
            new Mistake(17, "enterprise.uscc", "91140525MA0JX7RP18", "CORE-USCC-01"),          // bad check digit
            new Mistake(33, "restorationFund.deposited", "九万元", "CORE-NUM-01"),               // text in money
            new Mistake(48, "licences.mining.validFrom", "2026-02-30", "CORE-SCHEMA-01"),       // impossible date
            new Mistake(71, "mine.mineral", "Unobtanium", "CORE-SCHEMA-01"),                    // unknown enum
            new Mistake(99, "mine.name", null, "CORE-SCHEMA-01"),                               // empty required
            new Mistake(120, "restoration.damagedAreaHa", new BigDecimal("-3"), "CORE-NUM-01"), // negative area
            new Mistake(151, "restorationFund.closingBalance", new BigDecimal("1305000.01"),
                    "CORE-FUND-01"),                                                            // fund off by 1 fen
            new Mistake(188, "period", "2026Q5", "CORE-PERIOD-01"));                            // malformed period

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "csv"})
    void everyMistakeIsFoundAtItsCellAndEveryCleanRowBecomesAValidDeclaration(String format) throws Exception {
        LinkedHashMap<String, Object> example = TestSheets.exampleCells();
        List<String> header = new ArrayList<>(example.keySet());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 2; r <= 201; r++) {
            LinkedHashMap<String, Object> cells = new LinkedHashMap<>(example);
            cells.put("mine.name", "金岭矿" + r + "号");
            for (Mistake m : MISTAKES) {
                if (m.row() == r) {
                    cells.put(m.column(), m.cell());
                }
            }
            rows.add(cells);
        }
        Path file = dir.resolve("mines." + format);
        if (format.equals("xlsx")) {
            TestSheets.xlsx(file, header, TestSheets.table(header, rows));
        } else {
            TestSheets.csv(file, header, TestSheets.table(header, rows));
        }
        Path out = dir.resolve("out");

        ImportReport report = new SpreadsheetImporter(RuleEngine.standard(), ColumnCatalog.standard())
                .importFile(file, out, AS_OF);

        assertThat(report.rows()).hasSize(200);
        for (Mistake m : MISTAKES) {
            ImportReport.RowResult row = report.rows().get(m.row() - 2);
            assertThat(row.row()).isEqualTo(m.row());
            assertThat(row.file()).as("row %d", m.row()).isNull();
            String cell = SheetRow.ref(header.indexOf(m.column()), m.row());
            assertThat(row.findings()).as("row %d: %s", m.row(), row.findings())
                    .anySatisfy(f -> {
                        assertThat(f.finding().ruleId()).isEqualTo(m.ruleId());
                        assertThat(f.column()).isEqualTo(m.column());
                        assertThat(f.cell()).isEqualTo(cell);
                    });
        }
        assertThat(report.rows()).filteredOn(ImportReport.RowResult::hasErrors).extracting(ImportReport.RowResult::row)
                .containsExactlyElementsOf(MISTAKES.stream().map(Mistake::row).toList());
        assertThat(report.imported()).isEqualTo(192);
        DeclarationValidator validator = new DeclarationValidator(RuleEngine.standard());
        try (Stream<Path> files = Files.list(out)) {
            List<Path> written = files.toList();
            assertThat(written).hasSize(192);
            for (Path p : written) {
                assertThat(validator.validate(Files.readAllBytes(p), AS_OF, null).hasErrors()).as("%s", p).isFalse();
            }
        }
    }
}
