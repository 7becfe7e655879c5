package org.minedecl.server.access;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.minedecl.shared.signature.SignerIdentity;

/**
 * The certificate a principal proved, as the audit trail names it.
 *
 * @param subject     the subject, readable ({@link SignerIdentity#displayName})
 * @param uscc        the USCC it carries (CONTRACTS section 3), or null
 * @param serial      the serial number, hex
 * @param issuer      the issuer's distinguished name (RFC 2253), to look the serial up in CRLs
 * @param fingerprint SHA-256 of the DER certificate, hex: how registries and the admins directory recognise it
 */
public record CertificateRef(String subject, String uscc, String serial, String issuer, String fingerprint) {
    public static CertificateRef of(X509Certificate cert, String uscc) {
        return new CertificateRef(SignerIdentity.displayName(cert), uscc, cert.getSerialNumber().toString(16),
                cert.getIssuerX500Principal().getName(), fingerprint(cert));
    }

    public static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code subject="..." uscc=... serial=...} for one audit line (values escaped by the caller's logger). */
    public String audit() {
        return "subject=\"" + org.minedecl.server.problem.AuditLog.escape(subject) + "\" uscc="
                + (uscc == null ? "-" : uscc) + " serial=" + serial;
    }
}
