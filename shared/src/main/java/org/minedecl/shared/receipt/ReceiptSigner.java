package org.minedecl.shared.receipt;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.minedecl.shared.signature.Providers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs receipts: a CMS SignedData (DER) that encapsulates the receipt JSON, with the server certificate
 * included. EC keys sign with SHA256withECDSA, RSA keys with SHA256withRSA, both by BouncyCastle (its ECDSA
 * signs in about half the time of the JDK 17 one, and a server signs one receipt per upload).
 */
public final class ReceiptSigner {
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String algorithm;

    public ReceiptSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
        this.algorithm = "EC".equals(key.getAlgorithm()) || "ECDSA".equals(key.getAlgorithm())
                ? "SHA256withECDSA" : "SHA256withRSA";
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The signed receipt: DER-encoded CMS SignedData with the receipt JSON as its content. */
    public byte[] sign(Receipt receipt) {
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(Providers.bc()).build(key), certificate));
            gen.addCertificates(new JcaCertStore(List.of(certificate)));
            return gen.generate(new CMSProcessableByteArray(ReceiptJson.toBytes(receipt)), true).getEncoded("DER");
        } catch (OperatorCreationException | CertificateEncodingException | CMSException
                 | java.io.IOException e) {
            throw new IllegalStateException("cannot sign receipt: " + e.getMessage(), e);
        }
    }
}
