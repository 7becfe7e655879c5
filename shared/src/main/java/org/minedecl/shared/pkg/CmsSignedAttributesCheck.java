package org.minedecl.shared.pkg;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

/** CAdES-BES signed attributes: content-type (id-data), message-digest, signing-time, signing-certificate-v2, once each. */
final class CmsSignedAttributesCheck implements PackageCheck {
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
