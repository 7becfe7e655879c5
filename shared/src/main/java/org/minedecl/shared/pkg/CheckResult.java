package org.minedecl.shared.pkg;

import java.util.Set;

/**
 * One check of a package verification, passed or failed.
 *
 * @param check    stable check id, e.g. {@code container.mimetype}, {@code cms.signature}
 * @param passed   whether it passed
 * @param code     on failure, the specific stable code (e.g. {@code ZIP_SLIP}, {@code DIGEST_MISMATCH})
 * @param category on failure, the contract code it maps to: PACKAGE_INVALID, SIGNATURE_INVALID,
 *                 CERT_UNTRUSTED, CERT_REVOKED, CERT_EXPIRED, SIGNER_MISMATCH, ALG_NOT_ALLOWED
 * @param detail   one readable line
 */
public record CheckResult(String check, boolean passed, String code, String category, String detail) {
    /** Codes that say "revocation could not be established": fail closed, but worth retrying later. */
    public static final Set<String> RETRYABLE_CODES = Set.of("REVOCATION_UNAVAILABLE", "CRL_STALE",
            "CRL_NOT_YET_VALID", "CRL_SIGNATURE_INVALID");

    /** A passed check. */
    public static CheckResult pass(String check, String detail) {
        return new CheckResult(check, true, null, null, detail);
    }

    /** Whether this failure may go away with fresher revocation data (the package itself may be fine). */
    public boolean retryable() {
        return !passed && RETRYABLE_CODES.contains(code);
    }
}
