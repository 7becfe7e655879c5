package org.minedecl.client.cli;

import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
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
import org.minedecl.client.app.Language;
import org.minedecl.shared.declaration.Uscc;
import org.minedecl.shared.signature.Providers;
import org.minedecl.shared.signature.SignerIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code minedecl keygen}: a demo CA and an enterprise certificate carrying the USCC (organizationIdentifier
 * {@code NTRCN-<USCC>} and the GM/T 0015 extension), for trying the tools. Not for production.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true, description = "Make a demo CA and enterprise certificate (PKCS#12) - not for production")
public class KeygenCommand implements Callable<Integer> {
    enum Alg { RSA, EC, SM2 }

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--alg", defaultValue = "EC", description = "RSA, EC or SM2 (default EC)")
    Alg alg;

    @Option(names = "--uscc", required = true, description = "the enterprise's unified social credit code")
    String uscc;

    @Option(names = "--name", required = true, description = "the enterprise's name")
    String name;

    @Option(names = "--days", defaultValue = "730", description = "certificate validity in days")
    int days;

    @Option(names = "--lang", paramLabel = "zh|en", description = "language of the messages (default: the locale's)")
    String lang;

    @Override
    public Integer call() {
        Language messages = CliLanguage.errors(lang);
        if (!Uscc.isValid(uscc)) {
            System.err.println("minedecl keygen: " + messages.text("keygen.usccInvalid", uscc));
            return ExitCodes.USAGE;
        }
        try {
            Files.createDirectories(out);
            Instant now = Instant.now();
            String sigAlg = alg == Alg.RSA ? "SHA256withRSA" : alg == Alg.EC ? "SHA256withECDSA" : "SM3withSM2";
            KeyPair caKey = keyPair();
            KeyPair eeKey = keyPair();
            X500Name caName = new X500Name("CN=minedecl demo CA (not for production),O=minedecl demo,C=CN");
            JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
            ContentSigner caSigner = new JcaContentSignerBuilder(sigAlg).setProvider(Providers.bc())
                    .build(caKey.getPrivate());
            JcaX509v3CertificateBuilder cb = new JcaX509v3CertificateBuilder(caName, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3650))), caName,
                    caKey.getPublic());
            cb.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            cb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            cb.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(caKey.getPublic()));
            X509Certificate ca = new JcaX509CertificateConverter().setProvider(Providers.bc())
                    .getCertificate(cb.build(caSigner));

            X500NameBuilder nb = new X500NameBuilder(BCStyle.INSTANCE);
            nb.addRDN(BCStyle.C, "CN");
            nb.addRDN(BCStyle.O, name);
            nb.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, new DERUTF8String("NTRCN-" + uscc));
            nb.addRDN(BCStyle.CN, name);
            JcaX509v3CertificateBuilder eb = new JcaX509v3CertificateBuilder(ca, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(days))), nb.build(),
                    eeKey.getPublic());
            eb.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            eb.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            eb.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(eeKey.getPublic()));
            eb.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(ca));
            eb.addExtension(new ASN1ObjectIdentifier(SignerIdentity.GMT0015_ICREGISTRATION.getId()), false,
                    new DERUTF8String(uscc));
            X509Certificate ee = new JcaX509CertificateConverter().setProvider(Providers.bc())
                    .getCertificate(eb.build(caSigner));

            X509v2CRLBuilder crlb = new X509v2CRLBuilder(caName, Date.from(now.minus(Duration.ofMinutes(1))));
            crlb.setNextUpdate(Date.from(now.plus(Duration.ofDays(30))));
            X509CRL crl = new JcaX509CRLConverter().setProvider(Providers.bc()).getCRL(crlb.build(caSigner));

            byte[] pwBytes = new byte[18];
            new SecureRandom().nextBytes(pwBytes);
            String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(pwBytes);
            Path passFile = out.resolve("enterprise.pass");
            Files.deleteIfExists(passFile);
            Files.createFile(passFile);
            try {
                Files.setPosixFilePermissions(passFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(passFile, password + "\n", StandardCharsets.UTF_8);
            KeyStore ks = KeyStore.getInstance("PKCS12-AES256-AES128", Providers.bc());
            ks.load(null, null);
            ks.setKeyEntry("enterprise", eeKey.getPrivate(), password.toCharArray(), new Certificate[] {ee, ca});
            Path p12 = out.resolve("enterprise.p12");
            try (OutputStream o = Files.newOutputStream(p12)) {
                ks.store(o, password.toCharArray());
            }
            Files.writeString(out.resolve("ca.pem"), pem(ca), StandardCharsets.US_ASCII);
            Files.writeString(out.resolve("ca.crl"), pem(crl), StandardCharsets.US_ASCII);
            Files.writeString(out.resolve("enterprise.pem"), pem(ee), StandardCharsets.US_ASCII);
            System.out.println(messages.text("keygen.written", alg, out));
            System.out.println(messages.text("keygen.keystore", p12));
            System.out.println(messages.text("keygen.passFile", passFile));
            System.out.println(messages.text("keygen.certificate", out.resolve("enterprise.pem"), uscc));
            System.out.println(messages.text("keygen.ca", out.resolve("ca.pem")));
            System.out.println(messages.text("keygen.crl", out.resolve("ca.crl")));
            return ExitCodes.OK;
        } catch (Exception e) {
            System.err.println("minedecl keygen: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
            return ExitCodes.USAGE;
        }
    }

    private KeyPair keyPair() throws Exception {
        if (alg == Alg.RSA) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", Providers.bc());
            g.initialize(3072);
            return g.generateKeyPair();
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Providers.bc());
        g.initialize(new ECGenParameterSpec(alg == Alg.EC ? "secp256r1" : "sm2p256v1"));
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).setBit(63);
    }

    private static String pem(Object o) throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(o);
        }
        return w.toString();
    }
}
