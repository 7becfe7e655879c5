package org.minedecl.shared.receipt;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.Store;
import org.minedecl.shared.signature.Providers;

/**
 * Signs receipts: a CMS SignedData (DER) that encapsulates the receipt JSON, with the server certificate
 * included. EC keys sign with SHA256withECDSA, RSA keys with SHA256withRSA, both by BouncyCastle.
 *
 * <p>An EC key is turned into BouncyCastle's own key parameters once, on the named curve's shared domain
 * parameters: the multiples of the base point that make a signature fast are then computed once per process,
 * not once per receipt (which going through a JCA key each time costs, about a third of the signing time).
 * A key whose bytes cannot be read (a hardware token) signs through the JCA provider.
 */
public final class ReceiptSigner {
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String algorithm;
    private final X509CertificateHolder certificateHolder;
    private final Store<?> certificates;
    /** The EC key as BouncyCastle key parameters, or null when it signs through JCA. */
    private final AsymmetricKeyParameter ecKey;
    /** Signature and digest algorithm identifiers of {@link #algorithm}, for the BouncyCastle signer. */
    private final AlgorithmIdentifier signatureAlgorithm;
    private final AlgorithmIdentifier digestAlgorithm;

    public ReceiptSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
        boolean ec = "EC".equals(key.getAlgorithm()) || "ECDSA".equals(key.getAlgorithm());
        this.algorithm = ec ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            this.certificateHolder = new X509CertificateHolder(certificate.getEncoded());
            this.certificates = new JcaCertStore(List.of(certificate));
        } catch (CertificateEncodingException | IOException e) {
            throw new IllegalArgumentException("receipt certificate unreadable: " + e.getMessage(), e);
        }
        this.ecKey = ec ? ecParameters(key) : null;
        this.signatureAlgorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm);
        this.digestAlgorithm = new DefaultDigestAlgorithmIdentifierFinder().find(signatureAlgorithm);
    }

    private static AsymmetricKeyParameter ecParameters(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            return null;
        }
        try {
            AsymmetricKeyParameter p = PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(encoded));
            return p instanceof ECPrivateKeyParameters ? p : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The signed receipt: DER-encoded CMS SignedData with the receipt JSON as its content. */
    public byte[] sign(Receipt receipt) {
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(new BcDigestCalculatorProvider())
                    .build(contentSigner(), certificateHolder));
            gen.addCertificates(certificates);
            return gen.generate(new CMSProcessableByteArray(ReceiptJson.toBytes(receipt)), true).getEncoded("DER");
        } catch (OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("cannot sign receipt: " + e.getMessage(), e);
        }
    }

    private ContentSigner contentSigner() throws OperatorCreationException {
        if (ecKey != null) {
            return new BcECContentSignerBuilder(signatureAlgorithm, digestAlgorithm).build(ecKey);
        }
        return new JcaContentSignerBuilder(algorithm).setProvider(Providers.bc()).build(key);
    }
}
