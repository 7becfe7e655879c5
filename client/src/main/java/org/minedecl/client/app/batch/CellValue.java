package org.minedecl.client.app.batch;

import org.minedecl.shared.rules.LocalizedText;

/** What one non-empty spreadsheet cell holds, as read, before it is given a field's meaning. */
public sealed interface CellValue {
    /** Text, as typed (a CSV cell is always text). */
    record Text(String text) implements CellValue {
    }

    /** A number cell: its decimal text exactly as stored in the file ({@code 30000.1}, {@code 46022}). */
    record Number(String decimal) implements CellValue {
    }

    /** A boolean cell. */
    record Bool(boolean value) implements CellValue {
    }

    /** A cell with no usable value: a formula never calculated, an error value such as {@code #DIV/0!}. */
    record Unusable(LocalizedText problem) implements CellValue {
    }
}
