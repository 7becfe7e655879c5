package org.minedecl.server.auth;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.minedecl.shared.signature.Asn1Bounds;
import org.minedecl.shared.signature.Providers;
import org.minedecl.shared.signature.SignatureCheck;
import org.minedecl.shared.trust.CertificateValidator;

/**
 * The login answer: a detached CMS SignedData over the nonce's UTF-8 bytes, one SignerInfo, its certificate
 * (and chain) included - as {@code openssl cms -sign -binary -md sha256 -outform DER} makes it, with or without
 * signed attributes. The signature value is checked by the one raw check ({@link SignatureCheck}, so the same
 * algorithms are allowed as for packages); the certificate is left to {@link CertificateValidator}.
 */
final class LoginSignature {
    private static final int MAX_BYTES = 64 * 1024;
    private static final int MAX_CERTIFICATES = 10;

    private LoginSignature() {
    }

    /** The signer's certificate and the certificates carried with it, or why the signature is refused. */
    record Checked(X509Certificate signer, List<X509Certificate> bag, String problem) {
        static Checked refused(String problem) {
            return new Checked(null, List.of(), problem);
        }
    }

    static Checked check(byte[] der, byte[] nonce) {
        if (der.length > MAX_BYTES) {
            return Checked.refused("signature larger than " + MAX_BYTES + " bytes");
        }
        String bounds = Asn1Bounds.check(der);
        if (bounds != null) {
            return Checked.refused("signature: " + bounds);
        }
        try {
            ContentInfo ci = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (!CMSObjectIdentifiers.signedData.equals(ci.getContentType())) {
                return Checked.refused("not a CMS SignedData");
            }
            CMSSignedData sd = new CMSSignedData(ci);
            if (sd.getSignedContent() != null) {
                return Checked.refused("the signature carries its content (a detached signature is required)");
            }
            Collection<SignerInformation> signers = sd.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return Checked.refused(signers.size() + " SignerInfos (exactly one required)");
            }
            SignerInformation si = signers.iterator().next();
            Collection<X509CertificateHolder> holders = sd.getCertificates().getMatches(null);
            if (holders.size() > MAX_CERTIFICATES) {
                return Checked.refused("too many certificates");
            }
            CertificateFactory cf = CertificateFactory.getInstance("X.509", Providers.bc());
            List<X509Certificate> bag = new ArrayList<>();
            X509Certificate signer = null;
            for (X509CertificateHolder h : holders) {
                X509Certificate c = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(h.getEncoded()));
                bag.add(c);
                if (si.getSID().match(h)) {
                    signer = c;
                }
            }
            if (signer == null) {
                return Checked.refused("the signer's certificate is not in the signature");
            }
            byte[] signed;
            AttributeTable attrs = si.getSignedAttributes();
            if (attrs == null) {
                signed = nonce;
            } else {
                Attribute md = attrs.get(CMSAttributes.messageDigest);
                Attribute ct = attrs.get(CMSAttributes.contentType);
                if (md == null || md.getAttrValues().size() != 1 || attrs.getAll(CMSAttributes.messageDigest).size() != 1
                        || ct == null || !CMSObjectIdentifiers.data.equals(ct.getAttrValues().getObjectAt(0))) {
                    return Checked.refused("signed attributes without one message-digest and content-type id-data");
                }
                byte[] expected = MessageDigest.getInstance(si.getDigestAlgOID(), Providers.bc()).digest(nonce);
                byte[] claimed = ASN1OctetString.getInstance(md.getAttrValues().getObjectAt(0)).getOctets();
                if (!MessageDigest.isEqual(expected, claimed)) {
                    return Checked.refused("the signature is over something else than the nonce");
                }
                signed = si.getEncodedSignedAttributes();
            }
            SignatureCheck.Result r = SignatureCheck.verify(si.toASN1Structure().getDigestAlgorithm(),
                    si.toASN1Structure().getDigestEncryptionAlgorithm(),
                    CertificateValidator.publicKeyInfo(signer), signed, si.getSignature());
            if (r.outcome() != SignatureCheck.Outcome.VALID) {
                return Checked.refused(r.detail());
            }
            return new Checked(signer, bag, null);
        } catch (Exception e) {
            return Checked.refused("unreadable signature: " + e.getClass().getSimpleName());
        }
    }

}
