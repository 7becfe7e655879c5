package org.minedecl.client.app.drafts;

/** Where a quarter's declaration stands, as the mines list shows it. */
public enum DraftStatus {
    /** Being filled in (草稿). */
    DRAFT,
    /** Signed into a package, not uploaded yet. */
    SIGNED,
    /** Signed, waiting in the outbox for the server to be reachable. */
    OUTBOX,
    /** Filed: the server's receipt says ACCEPTED. */
    ACCEPTED,
    /** Filed: accepted, and an abnormal-list or disposition candidate. */
    FLAGGED,
    /** Returned by the regulator for correction (退回). */
    RETURNED;

    /** Whether the server holds this quarter (a receipt was received). */
    public boolean filed() {
        return this == ACCEPTED || this == FLAGGED || this == RETURNED;
    }
}
