package org.minedecl.shared.signature;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Makes the detached CAdES-BES signature of a package (CONTRACTS section 3): CMS SignedData over the manifest
 * bytes, signed attributes content-type, message-digest, signing-time and signing-certificate-v2 (ESSCertIDv2,
 * SHA-256), and the certificate chain.
 */
public final class CadesSigner {
    private CadesSigner() {
    }

    /**
     * Signs {@code content} (the manifest bytes); returns the DER of the CMS SignedData.
     *
     * @param signingTime the claimed signing time (from the caller's clock)
     */
    public static byte[] sign(byte[] content, SigningCredential credential, SignatureAlgorithm algorithm,
            Instant signingTime) throws SignerException {
        try {
            X509Certificate cert = credential.certificate();
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            IssuerSerial issuerSerial = new IssuerSerial(
                    new GeneralNames(new GeneralName(X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))),
                    cert.getSerialNumber());
            ESSCertIDv2 essCertId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash,
                    issuerSerial);
            ASN1EncodableVector attrs = new ASN1EncodableVector();
            attrs.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {essCertId}))));

            JcaContentSignerBuilder csb = new JcaContentSignerBuilder(algorithm.jcaName());
            if (algorithm == SignatureAlgorithm.RSA_PSS_SHA256) {
                csb = new JcaContentSignerBuilder(algorithm.jcaName(),
                        new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            }
            csb.setProvider(credential.provider());
            ContentSigner signer = csb.build(credential.privateKey());

            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Providers.bc()).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attrs)))
                    .build(signer, cert));
            gen.addCertificates(new JcaCertStore(credential.chain()));
            CMSSignedData data = gen.generate(new CMSProcessableByteArray(content), false);
            return data.toASN1Structure().getEncoded("DER");
        } catch (Exception e) {
            throw new SignerException("signing failed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), e);
        }
    }
}
