package org.minedecl.shared.pkg;

import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.minedecl.shared.signature.Providers;

/**
 * Builds CMS SignedData by hand, with every part under the test's control (attributes, algorithms, signature
 * bytes, certificates, signer count), to craft the hostile signatures of SECURITY-TESTS group A.
 */
final class CmsForge {
    byte[] content;
    PrivateKey key;
    X509Certificate signerCert;
    List<X509Certificate> certs = new ArrayList<>();
    /** Further raw elements of the certificate set. */
    List<ASN1Encodable> rawCerts = new ArrayList<>();
    AlgorithmIdentifier digestAlg = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
    AlgorithmIdentifier sigAlg = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
    String jcaSignature = "SHA256withECDSA";
    String jcaDigest = "SHA-256";
    AlgorithmParameterSpec sigParams;
    Instant signingTime = org.minedecl.shared.testpki.TestPki.SIGNING_TIME;
    /** Attributes to sign; null = the CAdES-BES defaults. */
    List<Attribute> attributes;
    boolean noSignedAttributes;
    boolean attachContent;
    int signerCount = 1;
    /** Rewrites the signature value after signing. */
    java.util.function.UnaryOperator<byte[]> signatureTransform = s -> s;

    List<Attribute> defaultAttributes() throws Exception {
        List<Attribute> a = new ArrayList<>();
        a.add(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
        a.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
        a.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(
                MessageDigest.getInstance(jcaDigest, Providers.bc()).digest(content)))));
        a.add(signingCertificateV2(signerCert));
        return a;
    }

    static Attribute signingCertificateV2(X509Certificate c) throws Exception {
        byte[] h = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(h)})));
    }

    byte[] build() throws Exception {
        ASN1Set signed = null;
        byte[] toSign;
        if (noSignedAttributes) {
            toSign = content;
        } else {
            List<Attribute> attrs = attributes != null ? attributes : defaultAttributes();
            ASN1EncodableVector v = new ASN1EncodableVector();
            for (Attribute a : attrs) {
                v.add(a);
            }
            signed = new DERSet(v);
            toSign = signed.getEncoded(ASN1Encoding.DER);
        }
        Signature s = Signature.getInstance(jcaSignature, Providers.bc());
        if (sigParams != null) {
            s.setParameter(sigParams);
        }
        s.initSign(key);
        s.update(toSign);
        byte[] sig = signatureTransform.apply(s.sign());
        SignerInfo si = new SignerInfo(new SignerIdentifier(new IssuerAndSerialNumber(
                X500Name.getInstance(signerCert.getIssuerX500Principal().getEncoded()), signerCert.getSerialNumber())),
                digestAlg, signed, sigAlg, new DEROctetString(sig), null);
        ASN1EncodableVector infos = new ASN1EncodableVector();
        for (int i = 0; i < signerCount; i++) {
            infos.add(si);
        }
        ASN1EncodableVector certVec = new ASN1EncodableVector();
        for (X509Certificate c : certs) {
            certVec.add(Certificate.getInstance(c.getEncoded()));
        }
        for (ASN1Encodable r : rawCerts) {
            certVec.add(r);
        }
        SignedData sd = new SignedData(new DERSet(digestAlg),
                new ContentInfo(CMSObjectIdentifiers.data, attachContent ? new DEROctetString(content) : null),
                new DLSet(certVec), null, new DERSet(infos));
        return new ContentInfo(CMSObjectIdentifiers.signedData, sd).getEncoded(ASN1Encoding.DER);
    }

    static Attribute attr(ASN1ObjectIdentifier oid, ASN1Encodable... values) {
        return new Attribute(oid, new DERSet(values));
    }
}
