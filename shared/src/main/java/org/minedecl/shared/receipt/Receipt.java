package org.minedecl.shared.receipt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.RulePackInfo;

/**
 * What the server acknowledges (CONTRACTS section 5): {@code { receiptId, packageSha256, period, uscc,
 * miningLicence, jurisdiction, receivedAt, status, findings, amends? }}, plus the rule pack versions the
 * server evaluated with ({@code rulePacks}) and, only when the package declared different ones,
 * {@code declaredRulePacks}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"receiptId", "packageSha256", "period", "uscc", "miningLicence", "jurisdiction", "receivedAt",
        "status", "findings", "amends", "rulePacks", "declaredRulePacks"})
public record Receipt(
        String receiptId,
        String packageSha256,
        String period,
        String uscc,
        String miningLicence,
        String jurisdiction,
        Instant receivedAt,
        Status status,
        List<Finding> findings,
        String amends,
        List<RulePackInfo> rulePacks,
        List<RulePackInfo> declaredRulePacks) {

    /** ACCEPTED: no FLAG findings; FLAGGED: accepted, and an abnormal-list or disposition candidate. */
    public enum Status { ACCEPTED, FLAGGED }

    public Receipt {
        findings = findings == null ? List.of() : List.copyOf(findings);
        rulePacks = rulePacks == null ? List.of() : List.copyOf(rulePacks);
        declaredRulePacks = declaredRulePacks == null || declaredRulePacks.isEmpty() ? null
                : List.copyOf(declaredRulePacks);
    }
}
