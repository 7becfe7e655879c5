package org.minedecl.server.demo;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
import org.minedecl.shared.signature.Providers;
import org.minedecl.shared.signature.SignerIdentity;
import org.minedecl.shared.signature.SigningCredential;

/**
 * Demo certificates (EC P-256, not for production): one CA, written with an empty CRL into the server's trust
 * directory, and one certificate per enterprise carrying its USCC as {@code minedecl keygen} makes them
 * (organizationIdentifier {@code NTRCN-<USCC>} and the GM/T 0015 extension). Valid from {@code from}, so that
 * filings of past quarters can be signed and received at their own times.
 */
public final class DemoPki {
    /** The CA's and its CRL's file names in the trust directory. */
    public static final String CA_FILE = "minedecl-demo-ca.pem";
    public static final String CRL_FILE = "minedecl-demo-ca.crl";
    private static final String SIG_ALG = "SHA256withECDSA";
    private final KeyPair caKey;
    private final X509Certificate ca;
    private final Instant from;
    private final Instant to;
    private final SecureRandom random = new SecureRandom();

    /** A CA valid from {@code from} to {@code to}; its CRL is issued at {@code from} and good until {@code to}. */
    public DemoPki(Instant from, Instant to) {
        try {
            this.from = from;
            this.to = to;
            this.caKey = keyPair();
            X500Name name = new X500Name("CN=minedecl demo CA (not for production),O=minedecl demo,C=CN");
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(from),
                    Date.from(to), name, caKey.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(caKey.getPublic()));
            this.ca = new JcaX509CertificateConverter().setProvider(Providers.bc()).getCertificate(b.build(signer()));
        } catch (Exception e) {
            throw new IllegalStateException("demo CA: " + e.getMessage(), e);
        }
    }

    public X509Certificate ca() {
        return ca;
    }

    /** Writes the CA and an empty CRL into {@code trustDir}. */
    public void install(Path trustDir) {
        try {
            Files.createDirectories(trustDir);
            X509v2CRLBuilder crl = new X509v2CRLBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                    Date.from(from));
            crl.setNextUpdate(Date.from(to));
            X509CRL c = new JcaX509CRLConverter().setProvider(Providers.bc()).getCRL(crl.build(signer()));
            Files.writeString(trustDir.resolve(CA_FILE), pem(ca), StandardCharsets.US_ASCII);
            Files.writeString(trustDir.resolve(CRL_FILE), pem(c), StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new IllegalStateException("demo trust: " + e.getMessage(), e);
        }
    }

    /** A signing credential for the enterprise {@code uscc}. */
    public SigningCredential enterprise(String uscc, String name) {
        try {
            KeyPair key = keyPair();
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
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(Providers.bc())
                    .getCertificate(b.build(signer()));
            return new SigningCredential(key.getPrivate(), List.of(cert, ca), Providers.bc());
        } catch (Exception e) {
            throw new IllegalStateException("demo certificate for " + uscc + ": " + e.getMessage(), e);
        }
    }

    private ContentSigner signer() throws Exception {
        return new JcaContentSignerBuilder(SIG_ALG).setProvider(Providers.bc()).build(caKey.getPrivate());
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Providers.bc());
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private BigInteger serial() {
        return new BigInteger(64, random).add(BigInteger.ONE);
    }

    private static String pem(Object o) throws java.io.IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        try (JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(o);
        }
        return w.toString();
    }
}
