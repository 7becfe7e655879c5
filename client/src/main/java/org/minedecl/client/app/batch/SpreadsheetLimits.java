package org.minedecl.client.app.batch;

/** The bounds within which a spreadsheet is read at all; beyond them the import stops with nothing written. */
public final class SpreadsheetLimits {
    /** Rows of one sheet, the header included (a consultant's quarter is tens to thousands of mines). */
    public static final int MAX_ROWS = 50_001;
    /** Characters in one cell: Excel's own limit, so a real workbook never exceeds it. */
    public static final int MAX_CELL_CHARS = 32_767;
    /** Columns of a header (a declaration has about 100 fields with a few array elements). */
    public static final int MAX_COLUMNS = 1_000;
    /** Size of the file itself. */
    public static final long MAX_FILE_BYTES = 64L << 20;
    /** Bytes of all the parts of an XLSX once decompressed (a zip bomb stops here). */
    public static final long MAX_UNCOMPRESSED_BYTES = 512L << 20;
    /** Entries in an XLSX (a workbook with a few sheets has about 15). */
    public static final int MAX_ZIP_ENTRIES = 1_000;

    private SpreadsheetLimits() {
    }
}
