package org.minedecl.client.app.batch;

/** The rows of a spreadsheet, streamed: the first is the header. Closing releases the file. */
interface RowSource extends AutoCloseable {
    /** The next row (empty rows may be skipped), or null after the last one. */
    SheetRow next() throws UnreadableSpreadsheet;

    /** Whether date serial numbers count from 1904 (old Mac workbooks) instead of 1900. */
    default boolean date1904() {
        return false;
    }

    @Override
    void close();
}
