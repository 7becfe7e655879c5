/**
 * Quarterly reporting for regulators (CONTRACTS section 9): missing filings after the deadline and statistics per
 * jurisdiction and quarter (filed, on time, late, missing, flagged per rule, total fund shortfall). Depends on
 * {@code scope}, {@code storage}, {@code export}, {@code problem}.
 */
package org.minedecl.server.statistics;
