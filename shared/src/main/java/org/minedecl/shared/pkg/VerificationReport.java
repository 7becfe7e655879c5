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
 *
 * <p>{@code signedContentKey} names what was signed, not how it was packed: the hex SHA-256 of the manifest's
 * bytes and the CMS signature value (see {@link SignedContentKey}). Two packages with the same key are the same
 * filing however their ZIP was written or the unsigned parts of their CMS encoded (CONTRACTS section 5).
 */
public record VerificationReport(
        List<CheckResult> checks,
        byte[] declarationBytes,
        X509Certificate signer,
        Instant signingTime,
        ParseResult parsedDeclaration,
        String signedContentKey) {

    /** A report without a signed-content key (the checks did not get that far). */
    public VerificationReport(List<CheckResult> checks, byte[] declarationBytes, X509Certificate signer,
                              Instant signingTime, ParseResult parsedDeclaration) {
        this(checks, declarationBytes, signer, signingTime, parsedDeclaration, null);
    }

    public boolean valid() {
        return !checks.isEmpty() && checks.stream().allMatch(CheckResult::passed);
    }

    public Optional<CheckResult> firstFailure() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }
}
