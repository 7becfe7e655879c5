package org.minedecl.shared.pkg;

import java.time.Instant;

/**
 * Registered delegations (委托代理, CONTRACTS section 8): a consultant (代理机构) whose certificate carries its own
 * USCC may sign a declaration for an enterprise only under a delegation with the SIGN scope for that mining licence,
 * live at the signing time and at receipt. The registry lives on the server; without one, a consultant's
 * certificate never signs for anyone else.
 */
@FunctionalInterface
public interface DelegationRegistry {
    /** No delegations at all. */
    DelegationRegistry NONE = (enterprise, consultant, licence, at) -> false;

    /**
     * Whether {@code enterpriseUscc} had delegated signing (the SIGN scope) for {@code miningLicence} to
     * {@code consultantUscc}, live (not revoked, inside its dates) at {@code at}.
     */
    boolean maySign(String enterpriseUscc, String consultantUscc, String miningLicence, Instant at);

    /** Whether any delegation (live or not) from the enterprise to the consultant is known. */
    default boolean known(String enterpriseUscc, String consultantUscc) {
        return false;
    }
}
