package org.minedecl.client.app.batch;

import org.minedecl.shared.rules.LocalizedText;

/**
 * A spreadsheet that cannot be imported at all (exit 2 of CONTRACTS section 10): not a spreadsheet, damaged,
 * hostile (a zip bomb, a DTD), over a limit, an unknown column. Nothing is written when it is thrown.
 */
public final class UnreadableSpreadsheet extends Exception {
    private final LocalizedText reason;

    public UnreadableSpreadsheet(LocalizedText reason) {
        super(reason.en());
        this.reason = reason;
    }

    public UnreadableSpreadsheet(String zh, String en) {
        this(new LocalizedText(zh, en));
    }

    /** Why, in Chinese and English. */
    public LocalizedText reason() {
        return reason;
    }
}
