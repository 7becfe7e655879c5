package org.minedecl.shared.delegation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One {@code delegation/1} document.
 *
 * @param enterprise     the enterprise that delegates (委托方)
 * @param consultant     the consultant it delegates to (受托代理机构)
 * @param scope          PREPARE, or PREPARE and SIGN
 * @param miningLicences the mining licences it covers; empty: every mine of the enterprise
 * @param validFrom      first day (inclusive, Asia/Shanghai business date)
 * @param validTo        last day (inclusive)
 */
public record Delegation(Party enterprise, Party consultant, Set<Scope> scope, List<String> miningLicences,
                         LocalDate validFrom, LocalDate validTo) {
    public static final String SCHEMA = "delegation/1";

    public Delegation {
        scope = Set.copyOf(scope);
        miningLicences = List.copyOf(miningLicences);
    }

    /** An enterprise or consultant: its USCC and name. */
    public record Party(String uscc, String name) {
    }

    /** What the consultant may do. */
    public enum Scope { PREPARE, SIGN }

    /** Whether it covers {@code miningLicence} (every licence when none is listed). */
    public boolean covers(String miningLicence) {
        return miningLicences.isEmpty() || miningLicences.contains(miningLicence);
    }

    /** Whether {@code day} is inside its dates. */
    public boolean inForce(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
