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
import org.minedecl.client.app.Language;

/**
 * The rows of an XLSX file's first sheet (the only one read; the report names it and the sheets not read),
 * streamed by fastexcel-reader after {@link ZipGuard} has looked at every part. A cell is read by the text the file stores: a number's decimal text (never a double), a formula's cached
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
            throw ZipGuard.damaged(Language.both("import.error.xlsxRows.theSheetCannotBeOpened", brief(e)));
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
            throw ZipGuard.damaged(Language.both("import.error.xlsxRows.theSheetCannotBeRead",
                    (lastRow + 1), brief(e)));
        }
        if (++read > SpreadsheetLimits.MAX_ROWS || row.getRowNum() > SpreadsheetLimits.MAX_ROWS) {
            throw new UnreadableSpreadsheet(Language.both("import.error.xlsxRows.theSheetHasMoreThan",
                    SpreadsheetLimits.MAX_ROWS));
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
                throw new UnreadableSpreadsheet(Language.both("import.error.xlsxRows.cellIsBeyondTheLimit",
                        ref, SpreadsheetLimits.MAX_COLUMNS));
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
            throw new UnreadableSpreadsheet(Language.both("import.error.xlsxRows.cellHoldsCharactersMoreThan",
                    ref, raw.length(), SpreadsheetLimits.MAX_CELL_CHARS));
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
                return new CellValue.Unusable(Language.both("import.error.xlsxRows.theCellHoldsTheError",
                        ZipGuard.clip(String.valueOf(raw))));
            case FORMULA:
                return formula(cell, raw);
            default:
                return null;
        }
    }

    /** A formula cell by its cached value; the type of that value is what the library parsed it as. */
    private static CellValue formula(Cell cell, String raw) {
        if (raw == null || raw.isEmpty()) {
            return new CellValue.Unusable(Language.both("import.error.xlsxRows.theFormulaHasNoCalculated",
                    ZipGuard.clip(String.valueOf(cell.getFormula()))));
        }
        Object value = cell.getValue();
        if (value instanceof BigDecimal) {
            return new CellValue.Number(raw);
        }
        if (value instanceof Boolean b) {
            return new CellValue.Bool(b);
        }
        if (ERROR_VALUES.contains(raw)) {
            return new CellValue.Unusable(Language.both("import.error.xlsxRows.theFormulaSValueIs", raw));
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
