package org.minedecl.shared.pkg;

import java.time.Instant;

/**
 * Registered delegations (委托): a consultant (代理机构) whose certificate carries its own USCC may sign for an
 * enterprise only while that enterprise's delegation to it is registered. The registry lives on the server
 * (the consultant issue); without one, a consultant's certificate never signs for anyone else.
 */
@FunctionalInterface
public interface DelegationRegistry {
    /** No delegations at all. */
    DelegationRegistry NONE = (enterprise, consultant, at) -> false;

    /** Whether {@code enterpriseUscc} had delegated filing to {@code consultantUscc} at {@code at}. */
    boolean isDelegated(String enterpriseUscc, String consultantUscc, Instant at);
}
