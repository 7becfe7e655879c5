package org.minedecl.shared.pkg;

import org.minedecl.shared.signature.SignerIdentity;

import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
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
import org.minedecl.shared.signature.AlgorithmPolicy;
import org.minedecl.shared.signature.Providers;

/** The signer certificate checks: key usage, validity at signing time, chain to a configured root, revocation. */
final class CertificateChecks {
    /** Tolerated clock skew between a signer's machine and the validation time. */
    static final Duration SKEW = Duration.ofMinutes(5);
    static final int MAX_PATH = 5;

    private CertificateChecks() {
    }

    /** digitalSignature or nonRepudiation, and not a CA certificate. */
    static final class KeyUsage implements PackageCheck {
        @Override
        public String id() {
            return "cert.keyUsage";
        }

        @Override
        public Failure run(Facts f) {
            if (f.signer.getBasicConstraints() >= 0) {
                return fail("SIGNER_IS_CA", Category.CERT_UNTRUSTED, "a CA certificate cannot sign declarations");
            }
            boolean[] ku = f.signer.getKeyUsage();
            if (ku == null) {
                return fail("KEY_USAGE_MISSING", Category.CERT_UNTRUSTED, "the certificate has no key usage");
            }
            if (!(ku.length > 0 && ku[0]) && !(ku.length > 1 && ku[1])) {
                return fail("KEY_USAGE_NOT_ALLOWED", Category.CERT_UNTRUSTED,
                        "key usage allows neither digitalSignature nor nonRepudiation");
            }
            return null;
        }
    }

    /** The claimed signing time is not in the future, and the certificate was valid then. */
    static final class Validity implements PackageCheck {
        @Override
        public String id() {
            return "cert.validity";
        }

        @Override
        public Failure run(Facts f) {
            Instant t = f.signingTime;
            if (t.isAfter(f.policy.validationTime().plus(SKEW))) {
                return fail("SIGNING_TIME_IN_FUTURE", Category.SIGNATURE_INVALID, "signing time " + t
                        + " is after the validation time " + f.policy.validationTime());
            }
            if (t.isBefore(f.signer.getNotBefore().toInstant())) {
                return fail("CERT_NOT_YET_VALID", Category.CERT_EXPIRED, "certificate valid only from "
                        + f.signer.getNotBefore().toInstant() + ", signed " + t);
            }
            if (t.isAfter(f.signer.getNotAfter().toInstant())) {
                return fail("CERT_EXPIRED", Category.CERT_EXPIRED, "certificate expired "
                        + f.signer.getNotAfter().toInstant() + ", signed " + t);
            }
            return null;
        }

        @Override
        public String passDetail(Facts f) {
            return "valid at the signing time " + f.signingTime;
        }
    }

    /**
     * PKIX path (BouncyCastle) from the signer to a configured trust anchor, at the signing time; intermediates
     * come from the policy and, unless the policy says otherwise, from the signature's certificate bag; the root
     * must be configured. Nothing is fetched.
     */
    static final class Chain implements PackageCheck {
        @Override
        public String id() {
            return "cert.chain";
        }

        @Override
        public Failure run(Facts f) {
            if (f.policy.trustAnchors().isEmpty()) {
                return fail("NO_TRUST_ANCHORS", Category.CERT_UNTRUSTED, "no trusted root is configured");
            }
            for (X509Certificate a : f.policy.trustAnchors()) {
                if (a.equals(f.signer)) {
                    return fail("SIGNER_IS_TRUST_ANCHOR", Category.CERT_UNTRUSTED,
                            "the signer's certificate is itself a trust anchor");
                }
            }
            if (f.signer.getSubjectX500Principal().equals(f.signer.getIssuerX500Principal())) {
                return fail("SELF_SIGNED_SIGNER", Category.CERT_UNTRUSTED, "the signer's certificate is self-signed");
            }
            List<X509Certificate> store = new ArrayList<>(f.policy.intermediates());
            if (f.policy.intermediatesFromSignature()) {
                store.addAll(f.bag);
            }
            store.add(f.signer);
            try {
                VerificationCache.Path built = VerificationCache.shared().path(
                        VerificationCache.pathKey(f.signer, store, f.policy.trustAnchors(), MAX_PATH), f.signingTime,
                        () -> build(f, store));
                f.path = new ArrayList<>(built.path());
                f.anchor = built.anchor();
            } catch (Unbuildable u) {
                Exception e = u.getCause();
                if (e instanceof CertPathBuilderException) {
                    String m = String.valueOf(e.getMessage());
                    Throwable c = e;
                    while (c != null) {
                        if (c instanceof java.security.cert.CertificateExpiredException
                                || c instanceof java.security.cert.CertificateNotYetValidException) {
                            return fail("CHAIN_CERT_EXPIRED", Category.CERT_EXPIRED,
                                    "a certificate of the chain was not valid at the signing time");
                        }
                        c = c.getCause();
                    }
                    return fail("CHAIN_UNTRUSTED", Category.CERT_UNTRUSTED,
                            "no chain to a trusted root: " + m.split("\n")[0]);
                }
                return fail("CHAIN_UNTRUSTED", Category.CERT_UNTRUSTED, "the chain cannot be checked: "
                        + e.getClass().getSimpleName());
            }
            for (X509Certificate c : f.path) {
                if (!AlgorithmPolicy.certificateSignatureAllowed(c.getSigAlgOID())) {
                    return fail("CERT_ALG_NOT_ALLOWED", Category.ALG_NOT_ALLOWED, "certificate "
                            + SignerIdentity.displayName(c) + " is signed with " + c.getSigAlgName());
                }
                if (c != f.signer && AlgorithmPolicy.checkKey(CmsChecks.spki(c)) instanceof AlgorithmPolicy.Refused r) {
                    return fail("CERT_ALG_NOT_ALLOWED", Category.ALG_NOT_ALLOWED, "certificate "
                            + SignerIdentity.displayName(c) + ": " + r.reason());
                }
            }
            if (AlgorithmPolicy.checkKey(CmsChecks.spki(f.anchor)) instanceof AlgorithmPolicy.Refused r) {
                return fail("CERT_ALG_NOT_ALLOWED", Category.ALG_NOT_ALLOWED, "trust anchor: " + r.reason());
            }
            return null;
        }

        @Override
        public String passDetail(Facts f) {
            return "chains to " + SignerIdentity.displayName(f.anchor);
        }

        /** The PKIX path search (BouncyCastle) at the signing time, revocation left to {@link Revocation}. */
        private static VerificationCache.Path build(Facts f, List<X509Certificate> store) {
            try {
                Set<TrustAnchor> anchors = new HashSet<>();
                for (X509Certificate a : f.policy.trustAnchors()) {
                    anchors.add(new TrustAnchor(a, null));
                }
                X509CertSelector sel = new X509CertSelector();
                sel.setCertificate(f.signer);
                PKIXBuilderParameters p = new PKIXBuilderParameters(anchors, sel);
                p.setRevocationEnabled(false);
                p.setDate(Date.from(f.signingTime));
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

    /**
     * Each certificate of the path is unrevoked as of the policy's validation time (the receipt time, not the
     * claimed signing time), by a configured CRL signed by its issuer and current at that time. No CRL, a stale
     * CRL or a CRL signed by someone else fails closed with a retryable code.
     */
    static final class Revocation implements PackageCheck {
        @Override
        public String id() {
            return "cert.revocation";
        }

        @Override
        public Failure run(Facts f) {
            Instant now = f.policy.validationTime();
            for (int i = 0; i < f.path.size(); i++) {
                X509Certificate cert = f.path.get(i);
                X509Certificate issuer = i + 1 < f.path.size() ? f.path.get(i + 1) : f.anchor;
                X509CRL best = null;
                boolean wrongSigner = false;
                boolean weak = false;
                for (X509CRL crl : f.policy.crls()) {
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
                        return fail("CRL_SIGNATURE_INVALID", Category.CERT_UNTRUSTED, "the CRL for " + who
                                + " is not signed by its issuer; revocation unknown (retry with a genuine CRL)");
                    }
                    if (weak) {
                        return fail("CRL_ALG_NOT_ALLOWED", Category.ALG_NOT_ALLOWED, "the CRL for " + who
                                + " uses a weak signature algorithm");
                    }
                    return fail("REVOCATION_UNAVAILABLE", Category.CERT_UNTRUSTED, "no CRL for " + who
                            + "; revocation unknown (retry when the CRL is configured)");
                }
                if (best.getThisUpdate().toInstant().isAfter(now.plus(SKEW))) {
                    return fail("CRL_NOT_YET_VALID", Category.CERT_UNTRUSTED, "the CRL for " + who + " is issued "
                            + best.getThisUpdate().toInstant() + ", after the validation time");
                }
                if (best.getNextUpdate() == null || best.getNextUpdate().toInstant().isBefore(now)) {
                    return fail("CRL_STALE", Category.CERT_UNTRUSTED, "the CRL for " + who + " expired "
                            + (best.getNextUpdate() == null ? "(no nextUpdate)" : best.getNextUpdate().toInstant())
                            + "; revocation unknown (retry with a current CRL)");
                }
                X509CRLEntry entry = best.getRevokedCertificate(cert);
                if (entry != null && !entry.getRevocationDate().toInstant().isAfter(now)) {
                    return fail("CERT_REVOKED", Category.CERT_REVOKED, who + " was revoked on "
                            + entry.getRevocationDate().toInstant());
                }
            }
            return null;
        }

        @Override
        public String passDetail(Facts f) {
            return "not revoked as of " + f.policy.validationTime();
        }

        private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
            try {
                crl.verify(issuer.getPublicKey(), Providers.bc());
                return true;
            } catch (Exception e) {
                return false;
            }
        }
    }
}
