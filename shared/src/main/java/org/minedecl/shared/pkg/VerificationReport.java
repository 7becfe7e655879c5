package org.minedecl.shared.pkg;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of verifying one {@code .asice}: every check in order, and the facts extracted (the exact
 * declaration bytes, the signer certificate, the claimed signing time) when the checks got that far.
 */
public record VerificationReport(
        List<CheckResult> checks,
        byte[] declarationBytes,
        X509Certificate signer,
        Instant signingTime) {

    public boolean valid() {
        return !checks.isEmpty() && checks.stream().allMatch(CheckResult::passed);
    }

    public Optional<CheckResult> firstFailure() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }
}
