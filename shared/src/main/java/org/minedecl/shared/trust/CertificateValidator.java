package org.minedecl.shared.trust;

import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.minedecl.shared.signature.AlgorithmPolicy;
import org.minedecl.shared.signature.Providers;
import org.minedecl.shared.signature.SignerIdentity;

/**
 * The one certificate validator, for package signers and for logins alike: four checks, each with a stable id and
 * specific failure codes.
 * <ol>
 * <li>{@value #KEY_USAGE}: an end-entity certificate whose key usage allows digitalSignature or
 * nonRepudiation;</li>
 * <li>{@value #VALIDITY}: valid at the time it was used (a signing time; for a login, now), which is not after the
 * validation time (plus {@link #SKEW});</li>
 * <li>{@value #CHAIN}: a PKIX path (BouncyCastle) to a configured trust anchor at the time of use, intermediates
 * from the policy and, unless it says otherwise, from those carried beside the certificate; every certificate on
 * it signed with an allowed algorithm;</li>
 * <li>{@value #REVOCATION}: each certificate of the path unrevoked as of the validation time (the receipt or login
 * time, never the claimed signing time) by a configured CRL signed by its issuer and current then. No CRL, a stale
 * CRL or one signed by someone else fails closed with a retryable code.</li>
 * </ol>
 * Nothing is fetched (CRL distribution points and AIA are ignored). Built paths and CRL signature checks are
 * remembered across calls (never a failure, never a revocation verdict), see {@code VerificationCache}.
 */
public final class CertificateValidator {
    public static final String KEY_USAGE = "cert.keyUsage";
    public static final String VALIDITY = "cert.validity";
    public static final String CHAIN = "cert.chain";
    public static final String REVOCATION = "cert.revocation";
    /** Tolerated clock skew between a signer's machine and the validation time. */
    public static final Duration SKEW = Duration.ofMinutes(5);
    /** Longest path searched. */
    public static final int MAX_PATH = 5;

    private final TrustPolicy policy;

    public CertificateValidator(TrustPolicy policy) {
        this.policy = policy;
    }

    /** Why a certificate is refused, by the contract's code (CONTRACTS section 5) that each maps to. */
    public enum Refusal { CERT_UNTRUSTED, CERT_REVOKED, CERT_EXPIRED, ALG_NOT_ALLOWED, SIGNATURE_INVALID }

    /**
     * A failed check.
     *
     * @param check   the check's id ({@value #KEY_USAGE}, {@value #VALIDITY}, {@value #CHAIN}, {@value #REVOCATION})
     * @param code    the specific code, e.g. {@code CERT_REVOKED}, {@code CHAIN_UNTRUSTED}, {@code CRL_STALE}
     * @param refusal the contract code it maps to
     * @param detail  one readable line
     */
    public record Failure(String check, String code, Refusal refusal, String detail) {
    }

    /** A validated path: the certificate first, its issuers, without the anchor; and the anchor. */
    public record ValidPath(List<X509Certificate> certificates, X509Certificate anchor) {
        public ValidPath {
            certificates = List.copyOf(certificates);
        }
    }

    /** The outcome of {@link #chain} or {@link #validate}: a path, or the first failure. */
    public record Validation(ValidPath path, Failure failure) {
        public boolean valid() {
            return failure == null;
        }

        static Validation failed(Failure f) {
            return new Validation(null, f);
        }
    }

    /**
     * All four checks in order, stopping at the first failure.
     *
     * @param cert      the certificate to check
     * @param carried   certificates that came with it (a CMS certificate bag); used as intermediates if the policy
     *                  allows
     * @param usedAt    when the certificate was used (the signing time; for a login, the validation time)
     * @param checkedAt the validation time: revocation is checked as of then
     */
    public Validation validate(X509Certificate cert, List<X509Certificate> carried, Instant usedAt, Instant checkedAt) {
        Failure f = keyUsage(cert);
        if (f == null) {
            f = validity(cert, usedAt, checkedAt);
        }
        if (f != null) {
            return Validation.failed(f);
        }
        Validation chain = chain(cert, carried, usedAt);
        if (!chain.valid()) {
            return chain;
        }
        f = revocation(chain.path(), checkedAt);
        return f == null ? chain : Validation.failed(f);
    }

    /** {@value #KEY_USAGE}: digitalSignature or nonRepudiation, and not a CA certificate; null when passed. */
    public Failure keyUsage(X509Certificate cert) {
        if (cert.getBasicConstraints() >= 0) {
            return new Failure(KEY_USAGE, "SIGNER_IS_CA", Refusal.CERT_UNTRUSTED, "a CA certificate cannot sign declarations");
        }
        boolean[] ku = cert.getKeyUsage();
        if (ku == null) {
            return new Failure(KEY_USAGE, "KEY_USAGE_MISSING", Refusal.CERT_UNTRUSTED, "the certificate has no key usage");
        }
        if (!(ku.length > 0 && ku[0]) && !(ku.length > 1 && ku[1])) {
            return new Failure(KEY_USAGE, "KEY_USAGE_NOT_ALLOWED", Refusal.CERT_UNTRUSTED,
                    "key usage allows neither digitalSignature nor nonRepudiation");
        }
        return null;
    }

    /** {@value #VALIDITY}: the time of use is not in the future, and the certificate was valid then; null when passed. */
    public Failure validity(X509Certificate cert, Instant usedAt, Instant checkedAt) {
        if (usedAt.isAfter(checkedAt.plus(SKEW))) {
            return new Failure(VALIDITY, "SIGNING_TIME_IN_FUTURE", Refusal.SIGNATURE_INVALID, "signing time " + usedAt
                    + " is after the validation time " + checkedAt);
        }
        if (usedAt.isBefore(cert.getNotBefore().toInstant())) {
            return new Failure(VALIDITY, "CERT_NOT_YET_VALID", Refusal.CERT_EXPIRED, "certificate valid only from "
                    + cert.getNotBefore().toInstant() + ", signed " + usedAt);
        }
        if (usedAt.isAfter(cert.getNotAfter().toInstant())) {
            return new Failure(VALIDITY, "CERT_EXPIRED", Refusal.CERT_EXPIRED, "certificate expired "
                    + cert.getNotAfter().toInstant() + ", signed " + usedAt);
        }
        return null;
    }

    /**
     * {@value #CHAIN}: the PKIX path from {@code cert} to a configured trust anchor at {@code usedAt}; the root must
     * be configured, the certificate may be neither an anchor nor self-signed.
     */
    public Validation chain(X509Certificate cert, List<X509Certificate> carried, Instant usedAt) {
        if (policy.anchors().isEmpty()) {
            return fail(CHAIN, "NO_TRUST_ANCHORS", Refusal.CERT_UNTRUSTED, "no trusted root is configured");
        }
        for (X509Certificate a : policy.anchors()) {
            if (a.equals(cert)) {
                return fail(CHAIN, "SIGNER_IS_TRUST_ANCHOR", Refusal.CERT_UNTRUSTED,
                        "the signer's certificate is itself a trust anchor");
            }
        }
        if (cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return fail(CHAIN, "SELF_SIGNED_SIGNER", Refusal.CERT_UNTRUSTED, "the signer's certificate is self-signed");
        }
        List<X509Certificate> store = new ArrayList<>(policy.intermediates());
        if (policy.intermediatesCarried()) {
            store.addAll(carried);
        }
        store.add(cert);
        VerificationCache.Path built;
        try {
            built = VerificationCache.shared().path(
                    VerificationCache.pathKey(cert, store, policy.anchors(), MAX_PATH), usedAt,
                    () -> build(cert, store, usedAt));
        } catch (Unbuildable u) {
            Exception e = u.getCause();
            if (e instanceof CertPathBuilderException) {
                String m = String.valueOf(e.getMessage());
                Throwable c = e;
                while (c != null) {
                    if (c instanceof CertificateExpiredException || c instanceof CertificateNotYetValidException) {
                        return fail(CHAIN, "CHAIN_CERT_EXPIRED", Refusal.CERT_EXPIRED,
                                "a certificate of the chain was not valid at the signing time");
                    }
                    c = c.getCause();
                }
                return fail(CHAIN, "CHAIN_UNTRUSTED", Refusal.CERT_UNTRUSTED,
                        "no chain to a trusted root: " + m.split("\n")[0]);
            }
            // (no exception's name: a parser under the path builder refused an altered certificate)
            return fail(CHAIN, "CHAIN_UNTRUSTED", Refusal.CERT_UNTRUSTED,
                    "the chain cannot be checked: a certificate in it cannot be read");
        }
        for (X509Certificate c : built.path()) {
            if (!AlgorithmPolicy.certificateSignatureAllowed(c.getSigAlgOID())) {
                return fail(CHAIN, "CERT_ALG_NOT_ALLOWED", Refusal.ALG_NOT_ALLOWED, "certificate "
                        + SignerIdentity.displayName(c) + " is signed with " + c.getSigAlgName());
            }
            if (c != cert && AlgorithmPolicy.checkKey(publicKeyInfo(c)) instanceof AlgorithmPolicy.Refused r) {
                return fail(CHAIN, "CERT_ALG_NOT_ALLOWED", Refusal.ALG_NOT_ALLOWED, "certificate "
                        + SignerIdentity.displayName(c) + ": " + r.reason());
            }
        }
        if (AlgorithmPolicy.checkKey(publicKeyInfo(built.anchor())) instanceof AlgorithmPolicy.Refused r) {
            return fail(CHAIN, "CERT_ALG_NOT_ALLOWED", Refusal.ALG_NOT_ALLOWED, "trust anchor: " + r.reason());
        }
        return new Validation(new ValidPath(built.path(), built.anchor()), null);
    }

    /**
     * {@value #REVOCATION}: each certificate of the path unrevoked as of {@code checkedAt} by a configured CRL signed
     * by its issuer and current then; null when passed.
     */
    public Failure revocation(ValidPath path, Instant checkedAt) {
        List<X509Certificate> certs = path.certificates();
        for (int i = 0; i < certs.size(); i++) {
            X509Certificate cert = certs.get(i);
            X509Certificate issuer = i + 1 < certs.size() ? certs.get(i + 1) : path.anchor();
            X509CRL best = null;
            boolean wrongSigner = false;
            boolean weak = false;
            for (X509CRL crl : policy.crls()) {
                if (!crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal())) {
                    continue;
                }
                if (!AlgorithmPolicy.certificateSignatureAllowed(crl.getSigAlgOID())) {
                    weak = true;
                    continue;
                }
                if (!VerificationCache.shared().crlSignedBy(crl, issuer.getPublicKey().getEncoded(),
                        () -> signedBy(crl, issuer))) {
                    wrongSigner = true;
                    continue;
                }
                if (best == null || crl.getThisUpdate().after(best.getThisUpdate())) {
                    best = crl;
                }
            }
            String who = SignerIdentity.displayName(cert);
            if (best == null) {
                if (wrongSigner) {
                    return new Failure(REVOCATION, "CRL_SIGNATURE_INVALID", Refusal.CERT_UNTRUSTED, "the CRL for "
                            + who + " is not signed by its issuer; revocation unknown (retry with a genuine CRL)");
                }
                if (weak) {
                    return new Failure(REVOCATION, "CRL_ALG_NOT_ALLOWED", Refusal.ALG_NOT_ALLOWED, "the CRL for " + who
                            + " uses a weak signature algorithm");
                }
                return new Failure(REVOCATION, "REVOCATION_UNAVAILABLE", Refusal.CERT_UNTRUSTED, "no CRL for " + who
                        + "; revocation unknown (retry when the CRL is configured)");
            }
            if (best.getThisUpdate().toInstant().isAfter(checkedAt.plus(SKEW))) {
                return new Failure(REVOCATION, "CRL_NOT_YET_VALID", Refusal.CERT_UNTRUSTED, "the CRL for " + who
                        + " is issued " + best.getThisUpdate().toInstant() + ", after the validation time");
            }
            if (best.getNextUpdate() == null || best.getNextUpdate().toInstant().isBefore(checkedAt)) {
                return new Failure(REVOCATION, "CRL_STALE", Refusal.CERT_UNTRUSTED, "the CRL for " + who + " expired "
                        + (best.getNextUpdate() == null ? "(no nextUpdate)" : best.getNextUpdate().toInstant())
                        + "; revocation unknown (retry with a current CRL)");
            }
            X509CRLEntry entry = best.getRevokedCertificate(cert);
            if (entry != null && !entry.getRevocationDate().toInstant().isAfter(checkedAt)) {
                return new Failure(REVOCATION, "CERT_REVOKED", Refusal.CERT_REVOKED, who + " was revoked on "
                        + entry.getRevocationDate().toInstant());
            }
        }
        return null;
    }

    /** The certificate's public key as written in it (a provider may re-encode explicit curve parameters as a name). */
    public static SubjectPublicKeyInfo publicKeyInfo(X509Certificate c) {
        try {
            return new X509CertificateHolder(c.getEncoded()).getSubjectPublicKeyInfo();
        } catch (Exception e) {
            return SubjectPublicKeyInfo.getInstance(c.getPublicKey().getEncoded());
        }
    }

    private static Validation fail(String check, String code, Refusal refusal, String detail) {
        return Validation.failed(new Failure(check, code, refusal, detail));
    }

    /** The PKIX path search (BouncyCastle) at the time of use, revocation left to {@link #revocation}. */
    private VerificationCache.Path build(X509Certificate cert, List<X509Certificate> store, Instant usedAt) {
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate a : policy.anchors()) {
                anchors.add(new TrustAnchor(a, null));
            }
            X509CertSelector sel = new X509CertSelector();
            sel.setCertificate(cert);
            PKIXBuilderParameters p = new PKIXBuilderParameters(anchors, sel);
            p.setRevocationEnabled(false);
            p.setDate(Date.from(usedAt));
            p.setMaxPathLength(MAX_PATH);
            p.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store),
                    Providers.bc()));
            PKIXCertPathBuilderResult r = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX",
                    Providers.bc()).build(p);
            List<X509Certificate> path = new ArrayList<>();
            for (var c : r.getCertPath().getCertificates()) {
                path.add((X509Certificate) c);
            }
            return VerificationCache.Path.of(path, r.getTrustAnchor().getTrustedCert());
        } catch (Exception e) {
            throw new Unbuildable(e);
        }
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey(), Providers.bc());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** No path: carries the reason out of the cache's builder. */
    private static final class Unbuildable extends RuntimeException {
        Unbuildable(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }

        @Override
        public synchronized Exception getCause() {
            return (Exception) super.getCause();
        }
    }
}
