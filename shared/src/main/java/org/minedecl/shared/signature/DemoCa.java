package org.minedecl.shared.signature;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A demo certificate authority (not for production), the one place demo certificates are made: for
 * {@code minedecl keygen} and the server's demo county. Its enterprise certificates carry the USCC as Chinese CAs
 * write it - subject organizationIdentifier {@code NTRCN-<USCC>} and the GM/T 0015 extension - with the key usages
 * a signer needs (CONTRACTS section 3).
 */
public final class DemoCa {
    /** The key types of section 3. */
    public enum Alg { RSA, EC, SM2 }

    /** A key and the certificate this CA issued for it. */
    public record Issued(PrivateKey key, X509Certificate certificate) {
    }

    private static final X500Name NAME = new X500Name("CN=minedecl demo CA (not for production),O=minedecl demo,C=CN");
    private final SecureRandom random = new SecureRandom();
    private final Alg alg;
    private final KeyPair caKey;
    private final X509Certificate ca;

    /** A new CA with a new key, valid from {@code from} to {@code to}. */
    public DemoCa(Alg alg, Instant from, Instant to) {
        this.alg = alg;
        try {
            this.caKey = keyPair(alg);
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(NAME, serial(), Date.from(from),
                    Date.from(to), NAME, caKey.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(caKey.getPublic()));
            this.ca = new JcaX509CertificateConverter().setProvider(Providers.bc()).getCertificate(b.build(signer()));
        } catch (Exception e) {
            throw new IllegalStateException("demo CA: " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return ca;
    }

    /** An empty CRL of this CA, issued at {@code thisUpdate}, good until {@code nextUpdate}. */
    public X509CRL crl(Instant thisUpdate, Instant nextUpdate) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(NAME, Date.from(thisUpdate));
            b.setNextUpdate(Date.from(nextUpdate));
            return new JcaX509CRLConverter().setProvider(Providers.bc()).getCRL(b.build(signer()));
        } catch (Exception e) {
            throw new IllegalStateException("demo CRL: " + e.getMessage(), e);
        }
    }

    /** A new key and its certificate for the enterprise {@code uscc} called {@code name}, valid from/to. */
    public Issued enterprise(String uscc, String name, Instant from, Instant to) {
        try {
            KeyPair key = keyPair(alg);
            X500NameBuilder nb = new X500NameBuilder(BCStyle.INSTANCE);
            nb.addRDN(BCStyle.C, "CN");
            nb.addRDN(BCStyle.O, name);
            nb.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, new DERUTF8String("NTRCN-" + uscc));
            nb.addRDN(BCStyle.CN, name);
            JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial(), Date.from(from),
                    Date.from(to), nb.build(), key.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(key.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(ca));
            b.addExtension(SignerIdentity.GMT0015_ICREGISTRATION, false, new DERUTF8String(uscc));
            return new Issued(key.getPrivate(), new JcaX509CertificateConverter().setProvider(Providers.bc())
                    .getCertificate(b.build(signer())));
        } catch (Exception e) {
            throw new IllegalStateException("demo certificate for " + uscc + ": " + e.getMessage(), e);
        }
    }

    /** A certificate, CRL or key as PEM text. */
    public static String pem(Object o) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    private ContentSigner signer() throws Exception {
        String sigAlg = alg == Alg.RSA ? "SHA256withRSA" : alg == Alg.EC ? "SHA256withECDSA" : "SM3withSM2";
        return new JcaContentSignerBuilder(sigAlg).setProvider(Providers.bc()).build(caKey.getPrivate());
    }

    private static KeyPair keyPair(Alg alg) throws Exception {
        if (alg == Alg.RSA) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", Providers.bc());
            g.initialize(3072);
            return g.generateKeyPair();
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Providers.bc());
        g.initialize(new ECGenParameterSpec(alg == Alg.EC ? "secp256r1" : "sm2p256v1"));
        return g.generateKeyPair();
    }

    private BigInteger serial() {
        return new BigInteger(64, random).setBit(63);
    }
}
