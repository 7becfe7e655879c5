package org.minedecl.client.app.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.signature.SignerIdentity;

/**
 * What a signer should see about a certificate before signing with it: the holder, the USCC it carries, its
 * validity, and whether it fits the declaration (the server refuses a package whose certificate does not carry
 * {@code enterprise.uscc}: SIGNER_MISMATCH).
 *
 * @param holder      the subject, readable ({@link SignerIdentity#displayName})
 * @param uscc        the first 18-character code the certificate carries (CONTRACTS section 3 order), or null
 * @param issuer      the issuing CA's name
 * @param serialHex   the serial number in hex, as CAs and CRLs list it
 * @param validity    valid, expired or not yet valid now
 * @param declaredUscc the declaration's {@code enterprise.uscc}, or null when there is no declaration
 * @param preparerUscc the declaration's {@code preparer.uscc} (a consultant filing for the enterprise), or null
 */
public record CertificateInfo(String holder, String uscc, String issuer, String serialHex, Instant notBefore,
                              Instant notAfter, Validity validity, String declaredUscc, String preparerUscc) {

    /** Whether the certificate can sign at the given time. */
    public enum Validity { VALID, EXPIRED, NOT_YET_VALID }

    /** The certificate carries the declaration's USCC (false without a declaration). */
    public boolean matchesDeclaration() {
        return declaredUscc != null && uscc != null && declaredUscc.equals(uscc);
    }

    /**
     * The certificate is the declared preparer's (a consultant's): the server accepts it only under a live
     * delegation with the SIGN scope (CONTRACTS section 8).
     */
    public boolean signsAsPreparer() {
        return !matchesDeclaration() && preparerUscc != null && preparerUscc.equals(uscc);
    }

    /** Reads a certificate as of {@code now}, against a declaration (may be null). */
    public static CertificateInfo of(X509Certificate cert, Declaration declaration, Instant now) {
        List<SignerIdentity.Candidate> codes = SignerIdentity.usccCandidates(cert);
        Instant from = cert.getNotBefore().toInstant();
        Instant to = cert.getNotAfter().toInstant();
        Validity v = now.isBefore(from) ? Validity.NOT_YET_VALID : now.isAfter(to) ? Validity.EXPIRED : Validity.VALID;
        String declared = declaration == null || declaration.enterprise() == null ? null
                : declaration.enterprise().uscc();
        String preparer = declaration == null || declaration.preparer() == null ? null
                : declaration.preparer().uscc();
        return new CertificateInfo(SignerIdentity.displayName(cert), codes.isEmpty() ? null : codes.get(0).value(),
                cert.getIssuerX500Principal().getName(), cert.getSerialNumber().toString(16), from, to, v, declared,
                preparer);
    }
}
