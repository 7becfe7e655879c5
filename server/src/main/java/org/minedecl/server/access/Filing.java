package org.minedecl.server.access;

/**
 * What an access decision needs to know about one filing (a submission, its package, receipt, decisions,
 * abnormal-list entries): whose it is, for which mine, and where.
 */
public record Filing(String uscc, String miningLicence, String jurisdiction) {
}
