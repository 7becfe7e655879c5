package org.minedecl.client.app.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.shared.declaration.DeclarationParser;
import org.minedecl.shared.declaration.DeclarationWriter;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.rules.RuleVectors;

class SpreadsheetImportTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 10);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    final SpreadsheetImporter importer = new SpreadsheetImporter(RuleEngine.standard(), ColumnCatalog.standard());

    @Test
    void theExampleDeclarationTypedIntoASpreadsheetImportsAsTheSameDocument() throws Exception {
        LinkedHashMap<String, Object> cells = TestSheets.exampleCells();
        List<String> header = new ArrayList<>(cells.keySet());
        Path xlsx = TestSheets.xlsx(dir.resolve("one.xlsx"), header, TestSheets.table(header, List.of(cells)));

        ImportReport report = importer.importFile(xlsx, dir.resolve("out"), AS_OF);

        assertThat(report.rows()).hasSize(1);
        ImportReport.RowResult row = report.rows().get(0);
        assertThat(row.row()).isEqualTo(2);
        assertThat(row.hasErrors()).as("%s", row.findings()).isFalse();
        assertThat(row.file()).isEqualTo("91140525MA0JX7RP19-2026Q3-金岭水泥用灰岩矿.json");
        byte[] expected = DeclarationWriter.write(DeclarationParser.parse(
                JSON.writeValueAsBytes(RuleVectors.example())).declaration());
        JsonNode written = JSON.readTree(dir.resolve("out").resolve(row.file()).toFile());
        // a spreadsheet number has no scale: 71.0 comes back as 71, equal as a number
        assertThat(written.equals((a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1, JSON.readTree(expected)))
                .as("%s", written).isTrue();
    }

    @Test
    void chineseLabelsEnumLabelsAndYesNoAreReadLikePathsAndCodes() throws Exception {
        LinkedHashMap<String, Object> cells = TestSheets.exampleCells();
        cells.put("mine.mineral", "水泥用灰岩");
        cells.put("mine.miningMethod", "露天开采");
        cells.put("mine.isNew", "否");
        cells.put("production.boundaryViolation", "false");
        List<String> paths = new ArrayList<>(cells.keySet());
        List<String> labels = paths.stream().map(p -> ColumnCatalog.standard().resolve(p).orElseThrow().label())
                .toList();
        Path xlsx = TestSheets.xlsx(dir.resolve("labels.xlsx"), labels, TestSheets.table(paths, List.of(cells)));

        ImportReport report = importer.importFile(xlsx, dir.resolve("out"), AS_OF);

        assertThat(report.rows().get(0).findings()).extracting(f -> f.finding().ruleId()).doesNotContain(
                "CORE-SCHEMA-01", "CORE-NUM-01");
        JsonNode written = JSON.readTree(dir.resolve("out").resolve(report.rows().get(0).file()).toFile());
        assertThat(written.at("/mine/mineral").asText()).isEqualTo("CEMENT_LIMESTONE");
        assertThat(written.at("/mine/miningMethod").asText()).isEqualTo("OPEN_PIT");
        assertThat(written.at("/mine/isNew").isBoolean()).isTrue();
        assertThat(written.at("/greenMine/milestones/1/due").asText()).isEqualTo("2027-03-31");
    }

    @Test
    void aMoneyCellIsReadFromItsStoredDecimalNeverThroughADouble() throws Exception {
        LinkedHashMap<String, Object> cells = TestSheets.exampleCells();
        List<String> header = new ArrayList<>(cells.keySet());
        String sheet = rawRow(1, header, null) + rawRow(2, header, cells);
        // Excel may store a binary fraction's 17 digits; what the user typed was 90000.1 yuan
        sheet = sheet.replace(cellOf(header, "restorationFund.deposited", 2, "90000.00"),
                        cellOf(header, "restorationFund.deposited", 2, "90000.100000000006"))
                .replace(cellOf(header, "restorationFund.closingBalance", 2, "1305000.00"),
                        cellOf(header, "restorationFund.closingBalance", 2, "1305000.1"));
        Path xlsx = TestSheets.rawXlsx(dir.resolve("money.xlsx"), sheet, null);

        ImportReport report = importer.importFile(xlsx, dir.resolve("out"), AS_OF);

        assertThat(report.rows().get(0).hasErrors()).as("%s", report.rows().get(0).findings()).isFalse();
        JsonNode written = JSON.readTree(dir.resolve("out").resolve(report.rows().get(0).file()).toFile());
        assertThat(written.at("/restorationFund/deposited").asText()).isEqualTo("90000.10");
        assertThat(written.at("/restorationFund/closingBalance").asText()).isEqualTo("1305000.10");
    }

    @Test
    void aFormulaIsReadByItsCachedValueAndOneWithoutAValueIsAnErrorAtItsCell() throws Exception {
        LinkedHashMap<String, Object> cells = TestSheets.exampleCells();
        List<String> header = new ArrayList<>(cells.keySet());
        String sheet = rawRow(1, header, null) + rawRow(2, header, cells) + rawRow(3, header, cells);
        String closing2 = cellOf(header, "restorationFund.closingBalance", 2, "1305000.00");
        String closing3 = cellOf(header, "restorationFund.closingBalance", 3, "1305000.00");
        String ref2 = SheetRow.ref(header.indexOf("restorationFund.closingBalance"), 2);
        String ref3 = SheetRow.ref(header.indexOf("restorationFund.closingBalance"), 3);
        sheet = sheet.replace(closing2, "<c r=\"" + ref2 + "\"><f>Q2+R2-S2</f><v>1305000</v></c>")
                .replace(closing3, "<c r=\"" + ref3 + "\"><f>Q3+R3-S3</f></c>");
        Path xlsx = TestSheets.rawXlsx(dir.resolve("formulas.xlsx"), sheet, null);

        ImportReport report = importer.importFile(xlsx, dir.resolve("out"), AS_OF);

        assertThat(report.rows().get(0).hasErrors()).isFalse();
        ImportReport.RowResult third = report.rows().get(1);
        assertThat(third.file()).isNull();
        assertThat(third.findings()).filteredOn(f -> ref3.equals(f.cell())).singleElement().satisfies(f -> {
            assertThat(f.finding().ruleId()).isEqualTo("CORE-NUM-01");
            assertThat(f.column()).isEqualTo("restorationFund.closingBalance");
            assertThat(f.finding().message().en()).contains("no calculated value");
        });
    }

    @Test
    void anUnknownHeaderStopsTheImportWithItsCellAndNothingIsWritten() throws Exception {
        Path xlsx = TestSheets.xlsx(dir.resolve("typo.xlsx"), List.of("period", "mine.nmae"),
                List.of(List.of("2026Q3", "x")));

        assertThatThrownBy(() -> importer.importFile(xlsx, dir.resolve("out"), AS_OF))
                .isInstanceOf(UnreadableSpreadsheet.class).hasMessageContaining("B1").hasMessageContaining("mine.nmae");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void csvAndXlsxOfTheSameRowsGiveTheSameDeclarations() throws Exception {
        LinkedHashMap<String, Object> cells = TestSheets.exampleCells();
        List<String> header = new ArrayList<>(cells.keySet());
        Path csv = TestSheets.csv(dir.resolve("one.csv"), header, TestSheets.table(header, List.of(cells)));
        Path xlsx = TestSheets.xlsx(dir.resolve("one.xlsx"), header, TestSheets.table(header, List.of(cells)));

        ImportReport fromCsv = importer.importFile(csv, dir.resolve("csv"), AS_OF);
        ImportReport fromXlsx = importer.importFile(xlsx, dir.resolve("xlsx"), AS_OF);

        assertThat(fromCsv.rows().get(0).hasErrors()).as("%s", fromCsv.rows().get(0).findings()).isFalse();
        assertThat(Files.readString(dir.resolve("csv").resolve(fromCsv.rows().get(0).file())))
                .isEqualTo(Files.readString(dir.resolve("xlsx").resolve(fromXlsx.rows().get(0).file())));
        assertThat(fromCsv.encoding()).isEqualTo(java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- raw sheet XML ----

    /** A row of inline strings and numbers; {@code cells} null writes the header (the paths). */
    static String rawRow(int r, List<String> header, LinkedHashMap<String, Object> cells) {
        StringBuilder sb = new StringBuilder("<row r=\"" + r + "\">");
        for (int c = 0; c < header.size(); c++) {
            String ref = SheetRow.ref(c, r);
            if (cells == null) {
                sb.append(TestSheets.text(ref, header.get(c)));
                continue;
            }
            Object v = cells.get(header.get(c));
            if (v instanceof BigDecimal d) {
                sb.append(TestSheets.number(ref, d.toPlainString()));
            } else if (v instanceof Boolean b) {
                sb.append("<c r=\"").append(ref).append("\" t=\"b\"><v>").append(b ? 1 : 0).append("</v></c>");
            } else if (v != null) {
                sb.append(TestSheets.text(ref, v.toString()));
            }
        }
        return sb.append("</row>").toString();
    }

    static String cellOf(List<String> header, String path, int row, String decimal) {
        return TestSheets.number(SheetRow.ref(header.indexOf(path), row), decimal);
    }

    static long files(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void onlyTheFirstSheetIsReadAndTheReportSaysWhichAndWhichNot() throws Exception {
        Path template = dir.resolve("template.xlsx");
        new ImportTemplate(ColumnCatalog.standard()).write(template);

        ImportReport report = importer.importFile(template, dir.resolve("from-template"), AS_OF);

        // the template's example sheet holds a filled row, which is no declaration of the consultant's
        assertThat(report.rows()).isEmpty();
        assertThat(report.sheet()).isEqualTo("申报数据");
        assertThat(report.otherSheets()).containsExactly("示例", "填写说明", "选项");
        assertThat(ImportReportJson.write(report)).contains("\"sheet\" : \"申报数据\"").contains("\"otherSheets\"");
    }
}
