package org.minedecl.client.app.batch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.minedecl.shared.rules.LocalizedText;

/**
 * The rows of an XLSX file's first sheet (the only one read; the report names it and the sheets not read), streamed by fastexcel-reader after {@link ZipGuard} has looked at every
 * part. A cell is read by the text the file stores: a number's decimal text (never a double), a formula's cached
 * value (formulas are never evaluated); a formula without a cached value or an error value is
 * {@link CellValue.Unusable} at its cell.
 */
final class XlsxRows implements RowSource {
    private static final Set<String> ERROR_VALUES = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?",
            "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!");

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final boolean date1904;
    private final String sheet;
    private final List<String> otherSheets;
    private int read;
    private int lastRow;

    private XlsxRows(ReadableWorkbook workbook, org.dhatim.fastexcel.reader.Sheet first, Stream<Row> stream) {
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
        this.date1904 = workbook.isDate1904();
        this.sheet = first.getName();
        this.otherSheets = workbook.getSheets().filter(s -> s.getIndex() != first.getIndex())
                .map(org.dhatim.fastexcel.reader.Sheet::getName).toList();
    }

    /** The first sheet of the workbook, the one read (CONTRACTS section 10; the template's data sheet). */
    @Override
    public String sheet() {
        return sheet;
    }

    @Override
    public List<String> otherSheets() {
        return otherSheets;
    }

    static XlsxRows open(Path file) throws UnreadableSpreadsheet {
        ZipGuard.check(file);
        ReadableWorkbook workbook = null;
        try {
            // cellInErrorIfParseError: a number cell whose text is not a number becomes an error cell, not a throw
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, true));
            org.dhatim.fastexcel.reader.Sheet first = workbook.getFirstSheet();
            return new XlsxRows(workbook, first, first.openStream());
        } catch (IOException | RuntimeException e) {
            closeQuietly(workbook);
            throw ZipGuard.damaged("无法打开工作表（" + brief(e) + "）", "the sheet cannot be opened (" + brief(e) + ")");
        }
    }

    @Override
    public boolean date1904() {
        return date1904;
    }

    @Override
    public SheetRow next() throws UnreadableSpreadsheet {
        Row row;
        try {
            if (!rows.hasNext()) {
                return null;
            }
            row = rows.next();
        } catch (RuntimeException e) {
            // shared strings out of range, a malformed part, a number the library cannot parse
            throw ZipGuard.damaged("第 " + (lastRow + 1) + " 行附近无法读取（" + brief(e) + "）",
                    "the sheet cannot be read near row " + (lastRow + 1) + " (" + brief(e) + ")");
        }
        if (++read > SpreadsheetLimits.MAX_ROWS || row.getRowNum() > SpreadsheetLimits.MAX_ROWS) {
            throw new UnreadableSpreadsheet("工作表超过 " + SpreadsheetLimits.MAX_ROWS + " 行（含表头），请拆分后分批导入；"
                    + "未导入任何内容", "the sheet has more than " + SpreadsheetLimits.MAX_ROWS
                    + " rows (header included); split it and import the parts; nothing was imported");
        }
        lastRow = row.getRowNum();
        List<SheetRow.Cell> cells = new ArrayList<>();
        for (Cell cell : row) {
            if (cell == null) {
                continue;
            }
            int column = cell.getColumnIndex();
            if (column >= SpreadsheetLimits.MAX_COLUMNS) {
                String ref = SheetRow.ref(column, row.getRowNum());
                throw new UnreadableSpreadsheet("单元格 " + ref + " 超出 " + SpreadsheetLimits.MAX_COLUMNS + " 列的上限",
                        "cell " + ref + " is beyond the limit of " + SpreadsheetLimits.MAX_COLUMNS + " columns");
            }
            CellValue value = value(cell, column, row.getRowNum());
            if (value != null) {
                cells.add(new SheetRow.Cell(column, row.getRowNum(), value));
            }
        }
        return new SheetRow(row.getRowNum(), cells);
    }

    private static CellValue value(Cell cell, int column, int rowNumber) throws UnreadableSpreadsheet {
        String raw = cell.getRawValue();
        if (raw != null && raw.length() > SpreadsheetLimits.MAX_CELL_CHARS) {
            String ref = SheetRow.ref(column, rowNumber);
            throw new UnreadableSpreadsheet("单元格 " + ref + " 有 " + raw.length() + " 个字符，超过单元格上限 "
                    + SpreadsheetLimits.MAX_CELL_CHARS + "；未导入任何内容", "cell " + ref + " holds " + raw.length()
                    + " characters, more than a cell can hold (" + SpreadsheetLimits.MAX_CELL_CHARS
                    + "); nothing was imported");
        }
        switch (cell.getType()) {
            case EMPTY:
                return null;
            case NUMBER:
                return raw == null || raw.isEmpty() ? null : new CellValue.Number(raw);
            case STRING:
                return raw == null || raw.isEmpty() ? null : new CellValue.Text(raw);
            case BOOLEAN:
                return new CellValue.Bool("1".equals(raw));
            case ERROR:
                return new CellValue.Unusable(new LocalizedText("单元格是错误值 " + ZipGuard.clip(String.valueOf(raw)),
                        "the cell holds the error value " + ZipGuard.clip(String.valueOf(raw))));
            case FORMULA:
                return formula(cell, raw);
            default:
                return null;
        }
    }

    /** A formula cell by its cached value; the type of that value is what the library parsed it as. */
    private static CellValue formula(Cell cell, String raw) {
        if (raw == null || raw.isEmpty()) {
            return new CellValue.Unusable(new LocalizedText(
                    "公式 =" + ZipGuard.clip(String.valueOf(cell.getFormula()))
                            + " 没有计算结果（不会计算公式）：请在 Excel 或 WPS 中打开并保存后再导入，或改为填写数值",
                    "the formula =" + ZipGuard.clip(String.valueOf(cell.getFormula()))
                            + " has no calculated value (formulas are never evaluated): open and save the file in"
                            + " Excel or WPS, or type the value"));
        }
        Object value = cell.getValue();
        if (value instanceof BigDecimal) {
            return new CellValue.Number(raw);
        }
        if (value instanceof Boolean b) {
            return new CellValue.Bool(b);
        }
        if (ERROR_VALUES.contains(raw)) {
            return new CellValue.Unusable(new LocalizedText("公式的结果是错误值 " + raw,
                    "the formula's value is the error " + raw));
        }
        return new CellValue.Text(raw);
    }

    private static String brief(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": "
                + t.getMessage().replaceAll("\\s+", " ");
        return ZipGuard.clip(m);
    }

    @Override
    public void close() {
        stream.close();
        closeQuietly(workbook);
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException ignored) {
                // closing a file only read; nothing to report
            }
        }
    }
}
