package org.minedecl.shared.pkg;

import org.minedecl.shared.signature.SignerIdentity;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.minedecl.shared.signature.AlgorithmPolicy;
import org.minedecl.shared.signature.Asn1Bounds;
import org.minedecl.shared.signature.Providers;
import org.minedecl.shared.signature.SignatureCheck;

/** The CMS / CAdES-BES checks of {@code META-INF/signature.p7s}. */
final class CmsChecks {
    static final int MAX_CERTIFICATES = 16;
    private static final Set<ASN1ObjectIdentifier> ESS_HASHES = Set.of(NISTObjectIdentifiers.id_sha256,
            NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512, GMObjectIdentifiers.sm3);

    private CmsChecks() {
    }

    /** A detached SignedData over id-data with exactly one SignerInfo; bounded ASN.1. */
    static final class Structure implements PackageCheck {
        @Override
        public String id() {
            return "cms.structure";
        }

        @Override
        public Failure run(Facts f) {
            String bounds = Asn1Bounds.check(f.signatureFile);
            if (bounds != null) {
                return fail(FailureCode.CMS_MALFORMED, "signature.p7s: " + bounds);
            }
            CMSSignedData sd;
            try {
                ContentInfo ci = ContentInfo.getInstance(ASN1Primitive.fromByteArray(f.signatureFile));
                if (!CMSObjectIdentifiers.signedData.equals(ci.getContentType())) {
                    return fail(FailureCode.CMS_NOT_SIGNED_DATA, "signature.p7s is not a CMS SignedData");
                }
                sd = new CMSSignedData(ci);
            } catch (Exception e) {
                return fail(FailureCode.CMS_MALFORMED, "signature.p7s is not readable CMS");
            }
            if (sd.getSignedContent() != null) {
                return fail(FailureCode.CMS_NOT_DETACHED, "the signature carries its content (a detached signature is required)");
            }
            if (!CMSObjectIdentifiers.data.getId().equals(sd.getSignedContentTypeOID())) {
                return fail(FailureCode.CMS_CONTENT_TYPE_WRONG, "signed content type is "
                        + sd.getSignedContentTypeOID() + ", not id-data");
            }
            Collection<SignerInformation> signers = sd.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return fail(FailureCode.CMS_SIGNER_COUNT, signers.size()
                        + " SignerInfos (exactly one required)");
            }
            Collection<X509CertificateHolder> holders = sd.getCertificates().getMatches(null);
            if (holders.size() > MAX_CERTIFICATES) {
                return fail(FailureCode.CMS_TOO_MANY_CERTIFICATES, holders.size()
                        + " certificates in the signature (at most " + MAX_CERTIFICATES + ")");
            }
            List<X509Certificate> bag = new ArrayList<>();
            try {
                CertificateFactory cf = CertificateFactory.getInstance("X.509", Providers.bc());
                for (X509CertificateHolder h : holders) {
                    bag.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(h.getEncoded())));
                }
            } catch (Exception e) {
                return fail(FailureCode.CMS_MALFORMED, "a certificate in the signature is unreadable");
            }
            f.cms = sd;
            f.signerInfo = signers.iterator().next();
            f.bag = bag;
            return null;
        }
    }

    /**
     * The signed attributes and the certificates in the bag are DER, as X.690 and RFC 5652 require: other encodings
     * of them still verify (the signature is over their DER form), so they would be unsigned second spellings of
     * one signature (SECURITY-TESTS A12).
     */
    static final class Encoding implements PackageCheck {
        @Override
        public String id() {
            return "cms.encoding";
        }

        @Override
        public Failure run(Facts f) {
            switch (org.minedecl.shared.signature.CmsEncoding.check(f.signatureFile)) {
                case SIGNED_ATTRIBUTES:
                    return fail(FailureCode.SIGNED_ATTRIBUTES_NOT_DER, "the signed attributes are not DER-encoded");
                case CERTIFICATE:
                    return fail(FailureCode.CERTIFICATE_NOT_DER, "a certificate in the signature is not DER-encoded");
                default:
                    return null;
            }
        }

        @Override
        public String passDetail(Facts f) {
            return "signed attributes and certificates DER-encoded";
        }
    }

    /** CAdES-BES signed attributes: content-type (id-data), message-digest, signing-time, signing-certificate-v2, once each. */
    static final class SignedAttributes implements PackageCheck {
        @Override
        public String id() {
            return "cms.signedAttributes";
        }

        @Override
        public Failure run(Facts f) {
            AttributeTable t = f.signerInfo.getSignedAttributes();
            if (t == null) {
                return fail(FailureCode.SIGNED_ATTRIBUTES_MISSING, "the SignerInfo has no signed attributes");
            }
            Failure m;
            if ((m = once(t, CMSAttributes.contentType, "CONTENT_TYPE", FailureCode.CONTENT_TYPE_MISSING,
                    FailureCode.CONTENT_TYPE_DUPLICATE)) != null
                    || (m = once(t, CMSAttributes.messageDigest, "MESSAGE_DIGEST", FailureCode.MESSAGE_DIGEST_MISSING,
                    FailureCode.MESSAGE_DIGEST_DUPLICATE)) != null
                    || (m = once(t, CMSAttributes.signingTime, "SIGNING_TIME", FailureCode.SIGNING_TIME_MISSING,
                    FailureCode.SIGNING_TIME_DUPLICATE)) != null
                    || (m = once(t, PKCSObjectIdentifiers.id_aa_signingCertificateV2, "SIGNING_CERTIFICATE_V2", FailureCode.SIGNING_CERTIFICATE_V2_MISSING,
                    FailureCode.SIGNING_CERTIFICATE_V2_DUPLICATE)) != null) {
                return m;
            }
            try {
                ASN1Encodable ct = value(t, CMSAttributes.contentType);
                if (!CMSObjectIdentifiers.data.equals(ct)) {
                    return fail(FailureCode.CONTENT_TYPE_MISMATCH, "content-type attribute is " + ct + ", not id-data");
                }
                f.messageDigest = ASN1OctetString.getInstance(value(t, CMSAttributes.messageDigest)).getOctets();
                f.signingTime = Time.getInstance(value(t, CMSAttributes.signingTime)).getDate().toInstant();
                SigningCertificateV2 scv2 = SigningCertificateV2.getInstance(
                        value(t, PKCSObjectIdentifiers.id_aa_signingCertificateV2));
                ESSCertIDv2[] ids = scv2.getCerts();
                if (ids.length == 0) {
                    return fail(FailureCode.SIGNING_CERTIFICATE_V2_MISSING, "signing-certificate-v2 names no certificate");
                }
                f.essCertHash = ids[0].getCertHash();
                f.essHashAlg = ids[0].getHashAlgorithm();
                f.essIssuerSerial = ids[0].getIssuerSerial();
            } catch (RuntimeException e) {
                return fail(FailureCode.SIGNED_ATTRIBUTES_MALFORMED, "a signed attribute is unreadable");
            }
            Attribute prot = t.get(CMSAttributes.cmsAlgorithmProtect);
            if (prot != null) {
                try {
                    CMSAlgorithmProtection p = CMSAlgorithmProtection.getInstance(prot.getAttrValues().getObjectAt(0));
                    if (t.getAll(CMSAttributes.cmsAlgorithmProtect).size() != 1
                            || !p.getDigestAlgorithm().equals(f.signerInfo.getDigestAlgorithmID())
                            || p.getSignatureAlgorithm() == null
                            || !p.getSignatureAlgorithm().getAlgorithm().equals(
                            f.signerInfo.toASN1Structure().getDigestEncryptionAlgorithm().getAlgorithm())) {
                        return fail(FailureCode.ALGORITHM_PROTECTION_MISMATCH, "CMS algorithm protection attribute does not match the SignerInfo");
                    }
                } catch (RuntimeException e) {
                    return fail(FailureCode.SIGNED_ATTRIBUTES_MALFORMED, "CMS algorithm protection attribute is unreadable");
                }
            }
            return null;
        }

        private Failure once(AttributeTable t, ASN1ObjectIdentifier oid, String name, FailureCode missing,
                             FailureCode duplicate) {
            var all = t.getAll(oid);
            if (all.size() == 0) {
                return fail(missing, name.toLowerCase().replace('_', '-')
                        + " signed attribute missing");
            }
            if (all.size() > 1 || Attribute.getInstance(all.get(0)).getAttrValues().size() != 1) {
                return fail(duplicate, name.toLowerCase().replace('_', '-')
                        + " signed attribute present more than once");
            }
            return null;
        }

        private static ASN1Encodable value(AttributeTable t, ASN1ObjectIdentifier oid) {
            return t.get(oid).getAttrValues().getObjectAt(0);
        }
    }

    /**
     * The signer's certificate is the one in the bag that both the SignerInfo's identifier and the
     * signing-certificate-v2 hash name (no substitute certificate).
     */
    static final class SignerCertificate implements PackageCheck {
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

    /** Digest, signature algorithm and key are allowed (checked before any signature math). */
    static final class Algorithms implements PackageCheck {
        @Override
        public String id() {
            return "cms.algorithms";
        }

        @Override
        public Failure run(Facts f) {
            AlgorithmPolicy.Decision d = AlgorithmPolicy.resolve(f.signerInfo.getDigestAlgorithmID(),
                    f.signerInfo.toASN1Structure().getDigestEncryptionAlgorithm(), spki(f.signer));
            if (d instanceof AlgorithmPolicy.Refused r) {
                return fail(FailureCode.ALG_NOT_ALLOWED, r.reason());
            }
            return null;
        }

        @Override
        public String passDetail(Facts f) {
            return ((AlgorithmPolicy.Allowed) AlgorithmPolicy.resolve(f.signerInfo.getDigestAlgorithmID(),
                    f.signerInfo.toASN1Structure().getDigestEncryptionAlgorithm(), spki(f.signer))).jcaName();
        }
    }

    /** The message-digest attribute is the digest of the manifest bytes. */
    static final class MessageDigestMatch implements PackageCheck {
        @Override
        public String id() {
            return "cms.messageDigest";
        }

        @Override
        public Failure run(Facts f) {
            try {
                AlgorithmIdentifier alg = f.signerInfo.getDigestAlgorithmID();
                byte[] d = MessageDigest.getInstance(alg.getAlgorithm().getId(), Providers.bc()).digest(f.manifest);
                if (!MessageDigest.isEqual(d, f.messageDigest)) {
                    return fail(FailureCode.MESSAGE_DIGEST_MISMATCH, "the signature was not made over this manifest");
                }
                return null;
            } catch (Exception e) {
                return fail(FailureCode.ALG_NOT_ALLOWED, "unknown digest algorithm");
            }
        }
    }

    /** The signature value verifies over the DER signed attributes with the signer's key. */
    static final class SignatureValue implements PackageCheck {
        @Override
        public String id() {
            return "cms.signature";
        }

        @Override
        public Failure run(Facts f) {
            try {
                SignatureCheck.Result r = SignatureCheck.verify(f.signerInfo.getDigestAlgorithmID(),
                        f.signerInfo.toASN1Structure().getDigestEncryptionAlgorithm(), spki(f.signer),
                        f.signerInfo.getEncodedSignedAttributes(), f.signerInfo.getSignature());
                switch (r.outcome()) {
                    case VALID:
                        return null;
                    case NOT_ALLOWED:
                        return fail(FailureCode.ALG_NOT_ALLOWED, r.detail());
                    default:
                        return fail(FailureCode.SIGNATURE_INVALID, r.detail());
                }
            } catch (java.io.IOException e) {
                return fail(FailureCode.SIGNATURE_INVALID, "signed attributes cannot be encoded");
            }
        }
    }

    static SubjectPublicKeyInfo spki(X509Certificate c) {
        return org.minedecl.shared.trust.CertificateValidator.publicKeyInfo(c);
    }
}
