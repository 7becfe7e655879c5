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

    /** One non-empty cell: its column (0 for A), its row (as the spreadsheet numbers it) and its value. */
    public record Cell(int column, int row, CellValue value) {
        /** Its reference ({@code M17}), made when a message needs it (not for every cell read). */
        public String ref() {
            return SheetRow.ref(column, row);
        }
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
