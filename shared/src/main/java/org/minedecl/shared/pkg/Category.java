package org.minedecl.shared.pkg;

/**
 * The contract codes a failed check maps to (CONTRACTS section 5); {@link CheckResult#category()} holds the name.
 * {@code JSON_LIMIT_EXCEEDED}: declaration.json (or delegation.json) is over a reader limit (SECURITY-TESTS C3: depth, string, number,
 * name or token count, document size, duplicate keys); the check's own code says which.
 */
public enum Category {
    PACKAGE_INVALID, SIGNATURE_INVALID, CERT_UNTRUSTED, CERT_REVOKED, CERT_EXPIRED, SIGNER_MISMATCH, ALG_NOT_ALLOWED,
    JSON_LIMIT_EXCEEDED,
    /** A consultant signed for an enterprise without a live SIGN delegation (CONTRACTS section 8). */
    SIGNER_NOT_DELEGATED
}
