package org.minedecl.client.app.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.shared.rules.RuleEngine;

/** SECURITY-TESTS F: hostile spreadsheets get a clear error and nothing is written. */
class HostileSpreadsheetTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 10);

    @TempDir
    Path dir;

    final SpreadsheetImporter importer = new SpreadsheetImporter(RuleEngine.standard(), ColumnCatalog.standard());

    Path out() {
        return dir.resolve("out");
    }

    /** Imports {@code file}, expects it refused with {@code expected} in the English reason, and nothing written. */
    void refused(Path file, String expected) {
        assertThatThrownBy(() -> importer.importFile(file, out(), AS_OF))
                .isInstanceOf(UnreadableSpreadsheet.class)
                .satisfies(e -> {
                    assertThat(((UnreadableSpreadsheet) e).reason().en()).contains(expected);
                    assertThat(((UnreadableSpreadsheet) e).reason().zh()).isNotBlank();
                    // both languages come from the client's bundles (a missing key would show as !key!)
                    assertThat(((UnreadableSpreadsheet) e).reason().zh()).doesNotContain("!import.")
                            .containsPattern("[\\u4e00-\\u9fff]");
                    assertThat(((UnreadableSpreadsheet) e).reason().en()).doesNotContain("!import.");
                });
        assertThat(out()).doesNotExist();
    }

    @Test
    void aZipBombIsRefusedWhileDecompressingWithoutReadingItAll() throws Exception {
        Path bomb = dir.resolve("bomb.xlsx");
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + TestSheets.MAIN_NS
                + "\"><sheetData><row r=\"1\">" + TestSheets.text("A1", "period") + "</row>";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (Map.Entry<String, String> p : minimalParts().entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 600; i++) { // 600 MB of white space: about 600 KB compressed
                zip.write(spaces);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(bomb)).isLessThan(2L << 20);

        refused(bomb, "expands to more than 512 MB");
    }

    @Test
    void aDtdWithExternalEntitiesInAnyPartIsRefused() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<worksheet xmlns=\"" + TestSheets.MAIN_NS + "\"><sheetData><row r=\"1\">"
                + TestSheets.text("A1", "period") + "</row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c>"
                + "</row></sheetData></worksheet>";
        Map<String, String> parts = minimalParts();
        parts.put("xl/worksheets/sheet1.xml", sheet);
        refused(TestSheets.zip(dir.resolve("xxe.xlsx"), parts), "DTD or entity declaration");

        // a billion laughs in the shared strings
        Map<String, String> laughs = minimalParts();
        laughs.put("xl/worksheets/sheet1.xml", sheetXml("<row r=\"1\">" + TestSheets.text("A1", "period") + "</row>"));
        laughs.put("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><sst xmlns=\"" + TestSheets.MAIN_NS
                + "\"><si><t>&b;</t></si></sst>");
        refused(TestSheets.zip(dir.resolve("laughs.xlsx"), laughs), "DTD or entity declaration");
    }

    @Test
    void aMillionRowsAreRefusedAtTheRowLimit() throws Exception {
        Path big = dir.resolve("million.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(big))) {
            for (Map.Entry<String, String> p : minimalParts().entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + TestSheets.MAIN_NS
                    + "\"><sheetData><row r=\"1\">" + TestSheets.text("A1", "mine.name") + "</row>")
                    .getBytes(StandardCharsets.UTF_8));
            for (int r = 2; r <= 1_000_000; r++) {
                zip.write(("<row r=\"" + r + "\"/>").getBytes(StandardCharsets.UTF_8));
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }
        refused(big, "more than 50001 rows");

        StringBuilder csv = new StringBuilder("mine.name\n");
        for (int r = 2; r <= 1_000_000; r++) {
            csv.append('\n');
        }
        refused(Files.writeString(dir.resolve("million.csv"), csv), "more than 50001 rows");
    }

    @Test
    void tenMegabytesInOneCellAreRefusedNamingTheCell() throws Exception {
        String big = "x".repeat(10 << 20);
        Map<String, String> parts = minimalParts();
        parts.put("xl/worksheets/sheet1.xml", sheetXml("<row r=\"1\">" + TestSheets.text("A1", "mine.name")
                + "</row><row r=\"2\">" + TestSheets.text("A2", big) + "</row>"));
        refused(TestSheets.zip(dir.resolve("cell.xlsx"), parts), "cell A2 holds 10485760 characters");

        refused(Files.writeString(dir.resolve("cell.csv"), "mine.name\n" + big + "\n"), "cell A2 holds more than");
    }

    @Test
    void aSharedStringOutOfRangeIsRefused() throws Exception {
        String sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + TestSheets.MAIN_NS
                + "\" count=\"1\" uniqueCount=\"1\"><si><t>mine.name</t></si></sst>";
        Path file = TestSheets.rawXlsx(dir.resolve("sst.xlsx"), "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c></row>", sst);
        refused(file, "a cell refers to shared string 7 but the file has 1");
        // two billion would make the library pad its table with empty strings until the memory is gone
        refused(TestSheets.rawXlsx(dir.resolve("sst-huge.xlsx"), "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                + "<row r=\"2\"><c t='s' r=\"A2\"><v>2000000000</v></c></row>", sst), "shared string 2000000000");

        Path negative = TestSheets.rawXlsx(dir.resolve("sst2.xlsx"), "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>-1</v></c></row>",
                sst);
        refused(negative, "shared string reference \"-1\" is not an index");
    }

    @Test
    void notASpreadsheetAnOldXlsAndAnEmptyFileAreRefusedWithWhatToDo() throws Exception {
        refused(Files.writeString(dir.resolve("a.xlsx"), "hello"), "not an XLSX file");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        refused(Files.write(dir.resolve("old.xlsx"), ole2), "save it as .xlsx");
        refused(Files.writeString(dir.resolve("empty.csv"), ""), "the file is empty");
        refused(Files.writeString(dir.resolve("data.txt"), "x"), "only .csv and .xlsx");
    }

    // ---- CSV encodings and line ends ----

    @Test
    void aGbkCsvFromAChineseExcelIsReadAsGbkAndSaysSo() throws Exception {
        Path file = csvIn(Charset.forName("GBK"), "mine.name,mine.mineral\r\n金岭矿,水泥用灰岩\r\n", false);
        ImportReport report = importer.importFile(file, out(), AS_OF);
        assertThat(report.encoding()).isEqualTo(Charset.forName("GBK"));
        assertThat(report.rows()).singleElement().satisfies(row -> assertThat(row.findings())
                .noneMatch(f -> "mine.mineral".equals(f.column()) || "mine.name".equals(f.column())));
    }

    @Test
    void aCsvInNeitherUtf8NorGbkIsRefusedWithHowToSaveAsUtf8() throws Exception {
        Path file = dir.resolve("latin.csv");
        Files.write(file, new byte[] {'m', 'i', 'n', 'e', '.', 'n', 'a', 'm', 'e', '\n', (byte) 0x81, (byte) 0x7F, '\n'});
        refused(file, "CSV UTF-8 (Comma delimited)");
    }

    @Test
    void aBomCarriageReturnsAndQuotedLineBreaksAreReadAsTheyMean() throws Exception {
        Path file = csvIn(StandardCharsets.UTF_8, "mine.name,declarant.title,mine.mineral\r"
                + "\"金岭矿，一号井\",\"法定\n代表人\",\"水泥用\"\"灰岩\"\"\"\r", true);
        ImportReport report = importer.importFile(file, out(), AS_OF);
        ImportReport.RowResult row = report.rows().get(0);
        assertThat(row.row()).isEqualTo(2);
        // the header's first cell was read without the BOM: mine.name is a known column
        assertThat(row.findings()).filteredOn(f -> "mine.mineral".equals(f.column())).singleElement()
                .satisfies(f -> {
                    assertThat(f.cell()).isEqualTo("C2");
                    assertThat(f.finding().message().en()).contains("\"水泥用\"灰岩\"\"");
                });
        assertThat(row.findings()).noneMatch(f -> "mine.name".equals(f.column()) || "declarant.title".equals(f.column()));
    }

    @Test
    void anUnclosedQuoteIsRefused() throws Exception {
        refused(csvIn(StandardCharsets.UTF_8, "mine.name\n\"金岭矿\n", false), "never closed");
    }

    @Test
    void formulasAreNeverEvaluatedAndACsvFormulaIsJustText() throws Exception {
        Path file = csvIn(StandardCharsets.UTF_8, "restorationFund.deposited\n=1+1\n", false);
        ImportReport report = importer.importFile(file, out(), AS_OF);
        assertThat(report.rows().get(0).findings()).filteredOn(f -> "A2".equals(f.cell())).singleElement()
                .satisfies(f -> {
                    assertThat(f.finding().ruleId()).isEqualTo("CORE-NUM-01");
                    assertThat(f.finding().message().en()).contains("\"=1+1\"");
                });
    }

    // ---- helpers ----

    Path csvIn(Charset charset, String text, boolean bom) throws IOException {
        Path file = dir.resolve("t-" + charset.name() + (bom ? "-bom" : "") + ".csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write(text.getBytes(charset));
        }
        return file;
    }

    static String sheetXml(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + TestSheets.MAIN_NS
                + "\"><sheetData>" + rows + "</sheetData></worksheet>";
    }

    /** The parts of {@link TestSheets#rawXlsx} without the sheet. */
    Map<String, String> minimalParts() throws IOException {
        Path tmp = TestSheets.rawXlsx(dir.resolve("parts-" + System.nanoTime() + ".xlsx"), "", "<?xml version=\"1.0\"?>"
                + "<sst xmlns=\"" + TestSheets.MAIN_NS + "\"/>");
        Map<String, String> parts = new LinkedHashMap<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(tmp.toFile())) {
            for (ZipEntry e : List.copyOf(java.util.Collections.list(zip.entries()))) {
                if (!e.getName().equals("xl/worksheets/sheet1.xml")) {
                    parts.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        Files.delete(tmp);
        return parts;
    }
}
