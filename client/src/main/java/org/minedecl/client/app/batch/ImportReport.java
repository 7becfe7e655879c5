package org.minedecl.client.app.batch;

import java.nio.charset.Charset;
import java.util.List;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.Severity;

/**
 * What {@code minedecl import} made of a spreadsheet: one entry per non-empty data row, with the file written
 * for it (none when the row has ERROR findings) and every finding at its column and cell.
 *
 * @param encoding    the encoding a CSV file was read in (UTF-8 or GBK); null for XLSX
 * @param sheet       the sheet read: an XLSX file's first sheet (the template's data sheet); null for CSV
 * @param otherSheets the workbook's other sheets, which are not read
 */
public record ImportReport(List<RowResult> rows, Charset encoding, String sheet, List<String> otherSheets) {
    public ImportReport {
        rows = List.copyOf(rows);
        otherSheets = List.copyOf(otherSheets);
    }

    /** Rows written as declarations. */
    public long imported() {
        return rows.stream().filter(r -> r.file() != null).count();
    }

    /** Rows not written because they have ERROR findings. */
    public long refused() {
        return rows.size() - imported();
    }

    /** One data row: its number as the spreadsheet shows it (header = 1), its file name if written, its findings. */
    public record RowResult(int row, String file, List<CellFinding> findings) {
        public RowResult {
            findings = List.copyOf(findings);
        }

        public boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.finding().severity() == Severity.ERROR);
        }
    }

    /**
     * A finding at its place: {@code column} is the JSON path of the column ({@code restorationFund.deposited}),
     * {@code cell} the cell ({@code M17}), null when the spreadsheet has no column for the field.
     */
    public record CellFinding(Finding finding, String column, String cell) {
    }
}
