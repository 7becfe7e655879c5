package org.minedecl.shared.pkg;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.minedecl.shared.declaration.ParseResult;

/**
 * The result of verifying one {@code .asice}: every check in order, and the facts extracted (the exact
 * declaration bytes, the signer certificate, the claimed signing time, and the declaration as the strict parser
 * read it for the signer binding) when the checks got that far; all of them are there whenever {@link #valid()}.
 * Whoever evaluates the rules next starts from {@code parsedDeclaration} instead of parsing the same bytes again.
 */
public record VerificationReport(
        List<CheckResult> checks,
        byte[] declarationBytes,
        X509Certificate signer,
        Instant signingTime,
        ParseResult parsedDeclaration) {

    public boolean valid() {
        return !checks.isEmpty() && checks.stream().allMatch(CheckResult::passed);
    }

    public Optional<CheckResult> firstFailure() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }
}
