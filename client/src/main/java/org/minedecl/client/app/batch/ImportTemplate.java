package org.minedecl.client.app.batch;

import org.minedecl.client.app.drafts.FieldKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code minedecl import --template}: an empty spreadsheet a consultant fills in, one column per field of
 * {@code mine-declaration/1} (the arrays with {@link #ARRAY_COLUMNS} elements each), headed by the Chinese
 * labels the importer reads back.
 *
 * <p>XLSX (written by fastexcel): sheet 申报数据 to fill in, with a comment on every header giving the JSON path and
 * unit, drop-down lists for enums and 是/否 fields, text format for codes and numbers that must stay text (USCC,
 * licence and phone numbers), {@code #,##0.00} for money, {@code yyyy-mm-dd} for dates; sheet 示例 with the
 * published example declaration ({@code docs/examples}) as a filled row; sheet 填写说明 explaining every column
 * (JSON path, English name, kind, unit, allowed values, example); a hidden sheet with the drop-down values.
 * CSV: UTF-8 with a byte order mark (so that Excel shows the Chinese), the header row only.
 */
public final class ImportTemplate {
    /** Columns written for each array (milestones, attachments); the importer reads up to 20. */
    public static final int ARRAY_COLUMNS = 3;
    /** Rows of the data sheet that get the drop-down lists (formats are set on the whole column). */
    static final int FORMATTED_ROWS = 2_000;
    static final String EXAMPLE = "/examples/declaration-zezhou-2026Q3.json";
    private static final String DATA_SHEET = "申报数据";
    private static final String EXAMPLE_SHEET = "示例";
    private static final String HELP_SHEET = "填写说明";
    private static final String LISTS_SHEET = "选项";

    private final ColumnCatalog catalog;

    public ImportTemplate(ColumnCatalog catalog) {
        this.catalog = catalog;
    }

    /** The template's columns in order: every field but {@code schema}, arrays expanded. */
    public List<ColumnCatalog.Column> columns() {
        List<ColumnCatalog.Column> columns = new ArrayList<>();
        List<FieldSpec> fields = catalog.fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec f = fields.get(i);
            if (f.path().equals("schema")) {
                continue;
            }
            if (!f.inArray()) {
                columns.add(new ColumnCatalog.Column(f, -1));
                continue;
            }
            // the fields of one array element side by side: milestone 1 name, due, done, milestone 2 ...
            String array = f.path().substring(0, f.path().indexOf("[]"));
            int end = i;
            while (end < fields.size() && fields.get(end).path().startsWith(array + "[]")) {
                end++;
            }
            for (int k = 0; k < ARRAY_COLUMNS; k++) {
                for (int j = i; j < end; j++) {
                    columns.add(new ColumnCatalog.Column(fields.get(j), k));
                }
            }
            i = end - 1;
        }
        return columns;
    }

    /** Writes the template; {@code .csv} gives the CSV form, anything else XLSX. Written atomically. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".template-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    writeCsv(out);
                } else {
                    writeXlsx(out);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    void writeCsv(OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF');
        List<String> labels = new ArrayList<>();
        for (ColumnCatalog.Column c : columns()) {
            labels.add(csv(c.label()));
        }
        w.write(String.join(",", labels));
        w.write("\r\n");
        w.flush();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    void writeXlsx(OutputStream out) throws IOException {
        List<ColumnCatalog.Column> columns = columns();
        Map<String, JsonNode> example = exampleRow();
        Workbook wb = new Workbook(out, "minedecl", "1.0");
        Worksheet data = wb.newWorksheet(DATA_SHEET);
        Worksheet sample = wb.newWorksheet(EXAMPLE_SHEET);
        Worksheet help = wb.newWorksheet(HELP_SHEET);
        Worksheet lists = wb.newWorksheet(LISTS_SHEET);
        Map<Class<?>, Integer> listColumn = new LinkedHashMap<>();
        int booleans = writeLists(lists, listColumn);
        for (Worksheet ws : List.of(data, sample)) {
            for (int c = 0; c < columns.size(); c++) {
                ColumnCatalog.Column col = columns.get(c);
                ws.value(0, c, col.label());
                ws.style(0, c).bold().fillColor("DDEBF7").wrapText(true).set();
                ws.width(c, Math.max(12, Math.min(30, col.label().length() * 2 + 2)));
            }
            ws.freezePane(0, 1);
        }
        for (int c = 0; c < columns.size(); c++) {
            ColumnCatalog.Column col = columns.get(c);
            FieldSpec f = col.field();
            data.comment(0, c, col.path() + (f.unit().isEmpty() ? "" : "\n单位 unit: " + f.unit()));
            String format = format(f.kind());
            if (format != null) {
                data.style(c).format(format).set();
            }
            Integer list = f.kind() == FieldKind.BOOLEAN ? Integer.valueOf(booleans)
                    : f.kind() == FieldKind.ENUM ? listColumn.get(f.enumType()) : null;
            if (list != null) {
                int size = f.kind() == FieldKind.BOOLEAN ? 2 : f.enumType().getEnumConstants().length;
                data.range(1, c, FORMATTED_ROWS, c).validateWithList(lists.range(0, list, size - 1, list))
                        .allowBlank(true).showErrorMessage(true).errorTitle("minedecl")
                        .errorStyle(org.dhatim.fastexcel.DataValidationErrorStyle.WARNING)
                        .error("请从下拉列表中选择 / choose from the list");
            }
            JsonNode v = example.get(col.path());
            if (v != null) {
                exampleCell(sample, 1, c, f, v);
            }
        }
        writeHelp(help, columns, example);
        lists.setVisibilityState(org.dhatim.fastexcel.VisibilityState.HIDDEN);
        wb.finish();
    }

    private int writeLists(Worksheet lists, Map<Class<?>, Integer> listColumn) {
        int c = 0;
        for (FieldSpec f : catalog.fields()) {
            if (f.kind() == FieldKind.ENUM && !listColumn.containsKey(f.enumType())) {
                listColumn.put(f.enumType(), c);
                int r = 0;
                for (Enum<?> e : f.enumType().getEnumConstants()) {
                    lists.value(r++, c, catalog.enumLabel(f.enumType(), e.name()));
                }
                c++;
            }
        }
        lists.value(0, c, "是");
        lists.value(1, c, "否");
        return c;
    }

    private static String format(FieldKind kind) {
        switch (kind) {
            case TEXT:
                return "@";
            case MONEY:
                return "#,##0.00";
            case DATE:
                return "yyyy-mm-dd";
            default:
                return null;
        }
    }

    private void exampleCell(Worksheet ws, int r, int c, FieldSpec f, JsonNode v) {
        switch (f.kind()) {
            case MONEY:
                ws.value(r, c, new BigDecimal(v.asText()));
                ws.style(r, c).format("#,##0.00").set();
                break;
            case NUMBER:
                ws.value(r, c, v.decimalValue());
                break;
            case DATE:
                ws.value(r, c, LocalDate.parse(v.asText()));
                ws.style(r, c).format("yyyy-mm-dd").set();
                break;
            case BOOLEAN:
                ws.value(r, c, v.asBoolean() ? "是" : "否");
                break;
            case ENUM:
                ws.value(r, c, catalog.enumLabel(f.enumType(), v.asText()));
                break;
            default:
                ws.value(r, c, v.asText());
        }
    }

    private void writeHelp(Worksheet help, List<ColumnCatalog.Column> columns, Map<String, JsonNode> example) {
        String[] head = {"列名（表头）", "JSON 路径", "English", "类型 kind", "单位 unit", "可选值 / 格式", "示例 example"};
        for (int c = 0; c < head.length; c++) {
            help.value(0, c, head[c]);
            help.style(0, c).bold().fillColor("DDEBF7").set();
        }
        int[] widths = {26, 36, 30, 12, 22, 60, 30};
        for (int c = 0; c < widths.length; c++) {
            help.width(c, widths[c]);
        }
        int r = 1;
        for (ColumnCatalog.Column col : columns) {
            FieldSpec f = col.field();
            help.value(r, 0, col.label());
            help.value(r, 1, col.path());
            help.value(r, 2, f.englishAt(Math.max(col.index(), 0)));
            help.value(r, 3, kindText(f.kind()));
            help.value(r, 4, f.unit());
            help.value(r, 5, allowed(f));
            JsonNode v = example.get(col.path());
            help.value(r, 6, v == null ? "" : shown(f, v));
            r++;
        }
        r++;
        help.value(r++, 0, "说明：第 1 行是表头，可用中文列名或 JSON 路径，列的顺序不限；空单元格表示该字段不填。"
                + "金额按单元格中的数值精确读取（30000.1 即 30000.10 元）；日期可用日期单元格或 YYYY-MM-DD 文本；"
                + "取值可填代码或中文名称；是/否 字段可填 是/否 或 true/false。公式不会被计算，只读取保存时的结果。");
        help.value(r, 0, "Notes: row 1 is the header, Chinese labels or JSON paths, in any order; an empty cell is an"
                + " absent field. Money is read exactly (30000.1 is 30000.10 yuan); dates as date cells or YYYY-MM-DD;"
                + " enums as code or Chinese label; booleans as 是/否 or true/false. Formulas are never evaluated:"
                + " their saved values are read.");
    }

    private static String kindText(FieldKind kind) {
        switch (kind) {
            case MONEY:
                return "金额 money";
            case NUMBER:
                return "数值 number";
            case DATE:
                return "日期 date";
            case BOOLEAN:
                return "是/否 boolean";
            case ENUM:
                return "选项 choice";
            default:
                return "文本 text";
        }
    }

    private String allowed(FieldSpec f) {
        switch (f.kind()) {
            case ENUM:
                return String.join("、", catalog.enumChoices(f.enumType()));
            case BOOLEAN:
                return "是、否（true、false）";
            case MONEY:
                return "元，最多两位小数";
            case DATE:
                return "YYYY-MM-DD";
            default:
                return "";
        }
    }

    private String shown(FieldSpec f, JsonNode v) {
        switch (f.kind()) {
            case BOOLEAN:
                return v.asBoolean() ? "是" : "否";
            case ENUM:
                return catalog.enumLabel(f.enumType(), v.asText()) + "（" + v.asText() + "）";
            default:
                return v.isNumber() ? v.decimalValue().toPlainString() : v.asText();
        }
    }

    /** The published example declaration as column path -> value ({@code greenMine.milestones[0].due}). */
    static Map<String, JsonNode> exampleRow() {
        try (InputStream in = ImportTemplate.class.getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE + " is missing from the client jar");
            }
            Map<String, JsonNode> row = new LinkedHashMap<>();
            flatten(new ObjectMapper().readTree(in), "", row);
            row.remove("schema");
            return row;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flattens a document into its leaf values by column path. */
    public static void flatten(JsonNode node, String prefix, Map<String, JsonNode> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), prefix + "[" + i + "]", out);
            }
        } else if (!node.isNull()) {
            out.put(prefix, node);
        }
    }
}
