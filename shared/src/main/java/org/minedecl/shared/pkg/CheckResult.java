package org.minedecl.shared.pkg;

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
}
