package org.minedecl.client.app.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.minedecl.shared.rules.RuleVectors;

/** Spreadsheets for the import tests: XLSX through fastexcel's writer, CSV by hand, raw XLSX parts by hand. */
final class TestSheets {
    /** A formula cell as fastexcel writes it: no cached value. */
    record Formula(String expression) {
    }

    private TestSheets() {
    }

    /** The published example declaration as typed cells by column path: money and numbers as numbers, dates as dates. */
    static LinkedHashMap<String, Object> exampleCells() {
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        ImportTemplate.flatten(RuleVectors.example(), "", flat);
        flat.remove("schema");
        LinkedHashMap<String, Object> cells = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : flat.entrySet()) {
            JsonNode v = e.getValue();
            Object cell;
            if (v.isBoolean()) {
                cell = v.asBoolean();
            } else if (v.isNumber()) {
                cell = v.decimalValue();
            } else if (e.getKey().startsWith("restorationFund.") && !e.getKey().contains("account")) {
                cell = new BigDecimal(v.asText());
            } else if (v.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                cell = LocalDate.parse(v.asText());
            } else {
                cell = v.asText();
            }
            cells.put(e.getKey(), cell);
        }
        return cells;
    }

    /** Writes an XLSX with {@code header} in row 1 and {@code rows} below; a null cell stays empty. */
    static Path xlsx(Path file, List<String> header, List<List<Object>> rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("data");
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v == null) {
                        continue;
                    } else if (v instanceof String s) {
                        ws.value(r + 1, c, s);
                    } else if (v instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else if (v instanceof Boolean b) {
                        ws.value(r + 1, c, b);
                    } else if (v instanceof LocalDate d) {
                        ws.value(r + 1, c, d);
                        ws.style(r + 1, c).format("yyyy-mm-dd").set();
                    } else if (v instanceof Formula f) {
                        ws.formula(r + 1, c, f.expression());
                    } else {
                        throw new IllegalArgumentException(v.getClass().toString());
                    }
                }
            }
            wb.finish();
        }
        return file;
    }

    /** Rows of cells by column path as a table in the order of {@code header}. */
    static List<List<Object>> table(List<String> header, List<? extends Map<String, Object>> rows) {
        List<List<Object>> table = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Object> cells = new ArrayList<>();
            for (String h : header) {
                cells.add(row.get(h));
            }
            table.add(cells);
        }
        return table;
    }

    /** Writes a UTF-8 CSV (no BOM) of the cells' text: dates as YYYY-MM-DD, booleans as 是/否. */
    static Path csv(Path file, List<String> header, List<List<Object>> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", header.stream().map(TestSheets::quote).toList())).append("\r\n");
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : row) {
                cells.add(v == null ? "" : quote(v instanceof Boolean b ? (b ? "是" : "否")
                        : v instanceof BigDecimal d ? d.toPlainString() : v.toString()));
            }
            sb.append(String.join(",", cells)).append("\r\n");
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    // ---- raw XLSX parts, for what no writer would produce ----

    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** A minimal workbook: one sheet with the given {@code <sheetData>} content and shared strings (may be null). */
    static Path rawXlsx(Path file, String sheetData, String sharedStrings) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + (sharedStrings == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                + "</Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<workbook xmlns=\"" + MAIN_NS + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "</Relationships>");
        parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"" + MAIN_NS + "\"><sheetData>" + sheetData + "</sheetData></worksheet>");
        if (sharedStrings != null) {
            parts.put("xl/sharedStrings.xml", sharedStrings);
        }
        return zip(file, parts);
    }

    static Path zip(Path file, Map<String, String> parts) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    /** An inline-string cell. */
    static String text(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    /** A number cell with its stored decimal text. */
    static String number(String ref, String decimal) {
        return "<c r=\"" + ref + "\"><v>" + decimal + "</v></c>";
    }
}
