package org.minedecl.shared.pkg;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import java.util.Set;
import org.minedecl.shared.signature.SignerIdentity;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.minedecl.shared.signature.Providers;

/**
 * The signer's certificate is the one in the bag that both the SignerInfo's identifier and the
 * signing-certificate-v2 hash name (no substitute certificate).
 */
final class CmsSignerCertificateCheck implements PackageCheck {
    /** Hashes signing-certificate-v2 may use. */
    private static final Set<ASN1ObjectIdentifier> ESS_HASHES = Set.of(NISTObjectIdentifiers.id_sha256,
            NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512, GMObjectIdentifiers.sm3);

    @Override
    public String id() {
        return "cms.signerCertificate";
    }

    @Override
    public Failure run(Facts f) {
        if (!ESS_HASHES.contains(f.essHashAlg.getAlgorithm())) {
            return fail(FailureCode.ESS_HASH_NOT_ALLOWED, "signing-certificate-v2 uses hash "
                    + f.essHashAlg.getAlgorithm());
        }
        List<X509Certificate> named = new ArrayList<>();
        for (X509Certificate c : f.bag) {
            try {
                if (f.signerInfo.getSID().match(new X509CertificateHolder(c.getEncoded()))) {
                    named.add(c);
                }
            } catch (Exception e) {
                return fail(FailureCode.CMS_MALFORMED, "unreadable certificate");
            }
        }
        if (named.isEmpty()) {
            return fail(FailureCode.SIGNER_CERTIFICATE_MISSING, "the signer's certificate is not in the signature");
        }
        for (X509Certificate c : named) {
            try {
                byte[] h = MessageDigest.getInstance(f.essHashAlg.getAlgorithm().getId(), Providers.bc())
                        .digest(c.getEncoded());
                if (MessageDigest.isEqual(h, f.essCertHash) && issuerSerialMatches(f, c)) {
                    f.signer = c;
                    return null;
                }
            } catch (Exception e) {
                return fail(FailureCode.CMS_MALFORMED, "unreadable certificate");
            }
        }
        return fail(FailureCode.SIGNING_CERTIFICATE_V2_MISMATCH, "signing-certificate-v2 does not name the signer's certificate");
    }

    private static boolean issuerSerialMatches(Facts f, X509Certificate c) {
        if (f.essIssuerSerial == null) {
            return true;
        }
        if (!f.essIssuerSerial.getSerial().getValue().equals(c.getSerialNumber())) {
            return false;
        }
        X500Name issuer = X500Name.getInstance(c.getIssuerX500Principal().getEncoded());
        for (GeneralName g : f.essIssuerSerial.getIssuer().getNames()) {
            if (g.getTagNo() == GeneralName.directoryName && X500Name.getInstance(g.getName()).equals(issuer)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String passDetail(Facts f) {
        return "signed by " + SignerIdentity.displayName(f.signer);
    }
}
