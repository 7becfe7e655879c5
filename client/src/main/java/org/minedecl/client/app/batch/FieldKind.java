package org.minedecl.client.app.batch;

/** How a spreadsheet cell becomes the JSON value of its field (CONTRACTS section 10, "Values"). */
public enum FieldKind {
    /** A string; a number cell gives its decimal text (a phone number typed as a number stays whole). */
    TEXT,
    /** Yuan with exactly two fraction digits, read from the cell's decimal text, never through a double. */
    MONEY,
    /** A JSON number (quantities, areas, rates), read from the cell's decimal text. */
    NUMBER,
    /** {@code YYYY-MM-DD}: a date cell (an Excel serial number) or text. */
    DATE,
    /** {@code true/false}, {@code 是/否}, or a boolean cell. */
    BOOLEAN,
    /** An enum's code or its Chinese label. */
    ENUM
}
