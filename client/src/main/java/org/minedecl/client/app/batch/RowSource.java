package org.minedecl.client.app.batch;

/** The rows of a spreadsheet, streamed: the first is the header. Closing releases the file. */
interface RowSource extends AutoCloseable {
    /** The next row (empty rows may be skipped), or null after the last one. */
    SheetRow next() throws UnreadableSpreadsheet;

    /** The name of the sheet read (XLSX: the workbook's first sheet); null for a CSV file. */
    default String sheet() {
        return null;
    }

    /** The workbook's other sheets, which are not read (the template's example, explanation and lists). */
    default java.util.List<String> otherSheets() {
        return java.util.List.of();
    }

    /** Whether date serial numbers count from 1904 (old Mac workbooks) instead of 1900. */
    default boolean date1904() {
        return false;
    }

    @Override
    void close();
}
