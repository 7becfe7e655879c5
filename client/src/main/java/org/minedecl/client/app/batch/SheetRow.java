package org.minedecl.client.app.batch;

import java.util.List;

/**
 * One spreadsheet row as read: its number as the spreadsheet shows it (the header is row 1) and its non-empty
 * cells.
 */
public record SheetRow(int number, List<Cell> cells) {
    public SheetRow {
        cells = List.copyOf(cells);
    }

    /** One non-empty cell: its column (0 for A), its reference ({@code M17}) and its value. */
    public record Cell(int column, String ref, CellValue value) {
    }

    /** The reference of column {@code column} in row {@code row}: {@code (12, 17)} is {@code M17}. */
    public static String ref(int column, int row) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.append((char) ('A' + (c - 1) % 26));
        }
        return letters.reverse().toString() + row;
    }
}
