package org.minedecl.shared.pkg;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.minedecl.shared.signature.Asn1Bounds;
import org.minedecl.shared.signature.Providers;

/** A detached SignedData over id-data with exactly one SignerInfo; bounded ASN.1. */
final class CmsStructureCheck implements PackageCheck {
    /** Certificates a signature may carry at most. */
    static final int MAX_CERTIFICATES = 16;

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
