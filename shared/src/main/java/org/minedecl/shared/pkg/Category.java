package org.minedecl.shared.pkg;

/** The contract codes a failed check maps to (CONTRACTS section 5); {@link CheckResult#category()} holds the name. */
public enum Category {
    PACKAGE_INVALID, SIGNATURE_INVALID, CERT_UNTRUSTED, CERT_REVOKED, CERT_EXPIRED, SIGNER_MISMATCH, ALG_NOT_ALLOWED
}
