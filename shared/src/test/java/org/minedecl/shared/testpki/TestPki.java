package org.minedecl.shared.testpki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.minedecl.shared.pkg.PackageAttachment;
import org.minedecl.shared.pkg.PackageProgressListener;
import org.minedecl.shared.pkg.PackageWriter;
import org.minedecl.shared.pkg.VerificationPolicy;
import org.minedecl.shared.signature.Providers;
import org.minedecl.shared.signature.SigningCredential;

/**
 * A throw-away PKI for tests (shared's test-jar, used by client and server tests too): a root CA, an issuing
 * CA, enterprise leaf certificates with the USCC where you want it, CRLs, and signed example packages. RSA, EC
 * (P-256) and SM2. Keys are generated once per JVM and reused (RSA key generation is slow).
 *
 * <pre>{@code
 * TestPki pki = TestPki.get(TestPki.KeyAlg.EC);
 * TestPki.Leaf leaf = pki.leaf().build();                       // USCC of the example declaration
 * Path pkg = pki.examplePackage(tmp.resolve("a.asice"), leaf);  // signed at SIGNING_TIME
 * VerificationReport r = new PackageVerifier(pki.policy(TestPki.NOW)).verify(pkg);
 * }</pre>
 */
public final class TestPki {
    /** The tests' "now" (a validation time): inside 2026Q4, when 2026Q3 is filed. */
    public static final Instant NOW = Instant.parse("2026-10-10T08:00:00Z");
    /** The signing time of packages made here. */
    public static final Instant SIGNING_TIME = NOW.minus(1, ChronoUnit.HOURS);
    /** The example declaration's enterprise.uscc. */
    public static final String EXAMPLE_USCC = "91140525MA0JX7RP19";
    /** The example declaration on the test classpath. */
    public static final String EXAMPLE_RESOURCE = "examples/declaration-zezhou-2026Q3.json";

    public enum KeyAlg { RSA, EC, SM2 }

    /** Where a leaf certificate carries its USCC. */
    public enum UsccPlacement {
        /** GM/T 0015 extension 1.2.156.10260.4.1.4 (UTF8String). */
        GMT0015_EXTENSION,
        /** GM/T 0015 extension 1.2.156.10260.4.1.3 (PrintableString). */
        GMT0015_ORG_CODE_EXTENSION,
        /** subject organizationIdentifier {@code NTRCN-<USCC>}. */
        ORGANIZATION_IDENTIFIER,
        /** subject organizationIdentifier, bare code. */
        ORGANIZATION_IDENTIFIER_BARE,
        /** subject serialNumber. */
        SERIAL_NUMBER
    }

    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();
    private static final Map<KeyAlg, TestPki> PKIS = new ConcurrentHashMap<>();
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() & 0xffffffffL);

    private final KeyAlg alg;
    private final Ca root;
    private final Ca issuing;

    /** A CA: certificate and key. */
    public record Ca(X509Certificate cert, PrivateKey key, KeyAlg alg) {
    }

    /** An end-entity certificate with its key and chain (leaf first, root last). */
    public record Leaf(PrivateKey key, X509Certificate cert, List<X509Certificate> chain) {
        public SigningCredential credential() {
            return new SigningCredential(key, chain, Providers.bc());
        }

        /** Writes a PKCS#12 ({@code PKCS12-AES256-AES128}, BouncyCastle) with alias {@code signer}. */
        public Path writePkcs12(Path file, char[] password) throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12-AES256-AES128", Providers.bc());
            ks.load(null, null);
            ks.setKeyEntry("signer", key, password, chain.toArray(new Certificate[0]));
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password);
            }
            return file;
        }
    }

    private TestPki(KeyAlg alg) {
        this.alg = alg;
        try {
            KeyPair rk = key(alg, 0);
            X500Name rn = new X500Name("CN=minedecl Test Root " + alg + ",O=minedecl tests,C=CN");
            X509v3CertificateBuilder rb = new JcaX509v3CertificateBuilder(rn, serial(),
                    Date.from(Instant.parse("2020-01-01T00:00:00Z")), Date.from(Instant.parse("2040-01-01T00:00:00Z")),
                    rn, rk.getPublic());
            caExtensions(rb, rk, null);
            X509Certificate rc = sign(rb, rk.getPrivate());
            root = new Ca(rc, rk.getPrivate(), alg);
            issuing = newCa("CN=minedecl Test Issuing CA " + alg + ",O=minedecl tests,C=CN", root, 1,
                    Instant.parse("2021-01-01T00:00:00Z"), Instant.parse("2036-01-01T00:00:00Z"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared PKI for an algorithm (same root and issuing CA for the whole JVM). */
    public static TestPki get(KeyAlg alg) {
        return PKIS.computeIfAbsent(alg, TestPki::new);
    }

    /** A fresh, unrelated PKI (a different root: "untrusted"), keys from other slots. */
    public static TestPki other(KeyAlg alg) {
        return new TestPki(alg, 10);
    }

    private TestPki(KeyAlg alg, int slotBase) {
        this.alg = alg;
        try {
            KeyPair rk = key(alg, slotBase);
            X500Name rn = new X500Name("CN=minedecl Test Root " + alg + ",O=minedecl tests,C=CN");
            X509v3CertificateBuilder rb = new JcaX509v3CertificateBuilder(rn, serial(),
                    Date.from(Instant.parse("2020-01-01T00:00:00Z")), Date.from(Instant.parse("2040-01-01T00:00:00Z")),
                    rn, rk.getPublic());
            caExtensions(rb, rk, null);
            root = new Ca(sign(rb, rk.getPrivate()), rk.getPrivate(), alg);
            issuing = newCa("CN=minedecl Test Issuing CA " + alg + ",O=minedecl tests,C=CN", root, slotBase + 1,
                    Instant.parse("2021-01-01T00:00:00Z"), Instant.parse("2036-01-01T00:00:00Z"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public KeyAlg alg() {
        return alg;
    }

    public Ca root() {
        return root;
    }

    public Ca issuing() {
        return issuing;
    }

    /** A key pair, generated once per JVM for each (algorithm, slot). */
    public static KeyPair key(KeyAlg alg, int slot) {
        return KEYS.computeIfAbsent(alg + "/" + slot, k -> {
            try {
                switch (alg) {
                    case RSA: {
                        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", Providers.bc());
                        g.initialize(2048);
                        return g.generateKeyPair();
                    }
                    case EC: {
                        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Providers.bc());
                        g.initialize(new ECGenParameterSpec("secp256r1"));
                        return g.generateKeyPair();
                    }
                    default: {
                        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Providers.bc());
                        g.initialize(new ECGenParameterSpec("sm2p256v1"));
                        return g.generateKeyPair();
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The JCA signature name a key of {@code alg} signs certificates with. */
    public static String certSignatureAlgorithm(KeyAlg alg) {
        return alg == KeyAlg.RSA ? "SHA256withRSA" : alg == KeyAlg.EC ? "SHA256withECDSA" : "SM3withSM2";
    }

    /** Another CA under {@code parent}. */
    public Ca newCa(String dn, Ca parent, int slot, Instant from, Instant to) throws Exception {
        KeyPair k = key(alg, slot);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(parent.cert(), serial(), Date.from(from),
                Date.from(to), new X500Name(dn), k.getPublic());
        caExtensions(b, k, parent);
        return new Ca(sign(b, parent.key(), parent.alg()), k.getPrivate(), alg);
    }

    private void caExtensions(X509v3CertificateBuilder b, KeyPair k, Ca parent) throws Exception {
        JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(k.getPublic()));
        if (parent != null) {
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    u.createAuthorityKeyIdentifier(parent.cert().getPublicKey()));
        }
    }

    /** A leaf certificate builder; defaults: the example's USCC as organizationIdentifier, digitalSignature + nonRepudiation, 2026-2028, issued by the issuing CA. */
    public LeafBuilder leaf() {
        return new LeafBuilder();
    }

    /** Builds an end-entity certificate. */
    public final class LeafBuilder {
        private final Map<UsccPlacement, String> uscc = new LinkedHashMap<>();
        private int keyUsage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
        private boolean ca;
        private Instant from = Instant.parse("2026-01-01T00:00:00Z");
        private Instant to = Instant.parse("2028-01-01T00:00:00Z");
        private Ca issuer = issuing;
        private int slot = 2;
        private String cn = "泽州县金岭建材矿业有限公司";
        private final List<org.bouncycastle.asn1.x509.Extension> extra = new ArrayList<>();
        private boolean selfSigned;
        private KeyPair keyPair;
        private org.bouncycastle.asn1.x509.SubjectPublicKeyInfo spki;

        private LeafBuilder() {
            uscc.put(UsccPlacement.ORGANIZATION_IDENTIFIER, EXAMPLE_USCC);
        }

        /** Replaces the USCC placements with this one. */
        public LeafBuilder uscc(String code, UsccPlacement where) {
            uscc.clear();
            uscc.put(where, code);
            return this;
        }

        /** Adds a further placement (for conflicts). */
        public LeafBuilder alsoUscc(String code, UsccPlacement where) {
            uscc.put(where, code);
            return this;
        }

        public LeafBuilder noUscc() {
            uscc.clear();
            return this;
        }

        /** {@code KeyUsage} bits, or 0 for no keyUsage extension. */
        public LeafBuilder keyUsage(int bits) {
            keyUsage = bits;
            return this;
        }

        public LeafBuilder ca(boolean isCa) {
            ca = isCa;
            return this;
        }

        public LeafBuilder validity(Instant notBefore, Instant notAfter) {
            from = notBefore;
            to = notAfter;
            return this;
        }

        public LeafBuilder issuer(Ca ca) {
            issuer = ca;
            return this;
        }

        /** Key slot (default 2); use another slot for a different key. */
        public LeafBuilder keySlot(int s) {
            slot = s;
            return this;
        }

        /** Use this key pair (e.g. a weak RSA-1024 key) instead of a cached one. */
        public LeafBuilder keyPair(KeyPair kp) {
            keyPair = kp;
            return this;
        }

        /** Put exactly this public key encoding in the certificate (e.g. explicit curve parameters). */
        public LeafBuilder subjectPublicKeyInfo(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo info) {
            spki = info;
            return this;
        }

        public LeafBuilder commonName(String name) {
            cn = name;
            return this;
        }

        public LeafBuilder selfSigned() {
            selfSigned = true;
            return this;
        }

        public LeafBuilder extension(org.bouncycastle.asn1.x509.Extension e) {
            extra.add(e);
            return this;
        }

        public Leaf build() {
            try {
                KeyPair k = keyPair != null ? keyPair : key(alg, slot);
                X500NameBuilder nb = new X500NameBuilder(BCStyle.INSTANCE);
                nb.addRDN(BCStyle.C, "CN");
                nb.addRDN(BCStyle.O, cn);
                for (Map.Entry<UsccPlacement, String> e : uscc.entrySet()) {
                    if (e.getKey() == UsccPlacement.ORGANIZATION_IDENTIFIER) {
                        nb.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, new DERUTF8String("NTRCN-" + e.getValue()));
                    } else if (e.getKey() == UsccPlacement.ORGANIZATION_IDENTIFIER_BARE) {
                        nb.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, new DERUTF8String(e.getValue()));
                    } else if (e.getKey() == UsccPlacement.SERIAL_NUMBER) {
                        nb.addRDN(BCStyle.SERIALNUMBER, new DERPrintableString(e.getValue()));
                    }
                }
                nb.addRDN(BCStyle.CN, cn);
                X500Name subject = nb.build();
                X500Name issuerName = selfSigned ? subject
                        : X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded());
                X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuerName, serial(), Date.from(from),
                        Date.from(to), subject, spki != null ? spki
                        : org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(k.getPublic().getEncoded()));
                JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
                if (ca) {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                }
                if (keyUsage != 0) {
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                }
                if (!selfSigned) {
                    b.addExtension(Extension.authorityKeyIdentifier, false,
                            u.createAuthorityKeyIdentifier(issuer.cert().getPublicKey()));
                }
                for (Map.Entry<UsccPlacement, String> e : uscc.entrySet()) {
                    if (e.getKey() == UsccPlacement.GMT0015_EXTENSION) {
                        b.addExtension(new ASN1ObjectIdentifier("1.2.156.10260.4.1.4"), false,
                                new DERUTF8String(e.getValue()));
                    } else if (e.getKey() == UsccPlacement.GMT0015_ORG_CODE_EXTENSION) {
                        b.addExtension(new ASN1ObjectIdentifier("1.2.156.10260.4.1.3"), false,
                                new DERPrintableString(e.getValue()));
                    }
                }
                for (Extension e : extra) {
                    b.addExtension(e);
                }
                X509Certificate cert = selfSigned ? sign(b, k.getPrivate()) : sign(b, issuer.key(), issuer.alg());
                List<X509Certificate> chain = new ArrayList<>();
                chain.add(cert);
                if (!selfSigned) {
                    chain.add(issuer.cert());
                    if (issuer != root && !issuer.cert().equals(root.cert())) {
                        chain.add(root.cert());
                    }
                }
                return new Leaf(k.getPrivate(), cert, chain);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A CRL by {@code issuer}; each revoked certificate is revoked at {@code revokedAt}. */
    public X509CRL crl(Ca issuer, Instant thisUpdate, Instant nextUpdate, Instant revokedAt,
            X509Certificate... revoked) {
        return crl(issuer.cert(), issuer.key(), issuer.alg(), thisUpdate, nextUpdate, revokedAt, revoked);
    }

    /** A CRL naming {@code issuerCert} as issuer but signed by {@code signingKey} (forgeries too). */
    public static X509CRL crl(X509Certificate issuerCert, PrivateKey signingKey, KeyAlg keyAlg, Instant thisUpdate,
            Instant nextUpdate, Instant revokedAt, X509Certificate... revoked) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(
                    X500Name.getInstance(issuerCert.getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
            if (nextUpdate != null) {
                b.setNextUpdate(Date.from(nextUpdate));
            }
            for (X509Certificate r : revoked) {
                b.addCRLEntry(r.getSerialNumber(), Date.from(revokedAt), CRLReason.keyCompromise);
            }
            return new JcaX509CRLConverter().setProvider(Providers.bc()).getCRL(b.build(
                    new JcaContentSignerBuilder(certSignatureAlgorithm(keyAlg)).setProvider(Providers.bc())
                            .build(signingKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Current CRLs (no revocations) from the root and the issuing CA, as of {@code at}. */
    public List<X509CRL> freshCrls(Instant at) {
        return List.of(crl(root, at.minus(1, ChronoUnit.DAYS), at.plus(7, ChronoUnit.DAYS), at),
                crl(issuing, at.minus(1, ChronoUnit.DAYS), at.plus(7, ChronoUnit.DAYS), at));
    }

    /** Trust the root; fresh CRLs; validate at {@code at}. */
    public VerificationPolicy policy(Instant at) {
        return new VerificationPolicy(List.of(root.cert()), freshCrls(at), at);
    }

    /** The example declaration's bytes. */
    public static byte[] exampleDeclaration() {
        try (InputStream in = TestPki.class.getClassLoader().getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE_RESOURCE + " not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The example declaration's attachment files (small fake PDFs), written into {@code dir}. */
    public static List<PackageAttachment> exampleAttachments(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path a = Files.writeString(dir.resolve("mining-licence.pdf"), "%PDF-1.4 mining licence scan\n");
        Path b = Files.writeString(dir.resolve("fund-deposit-2026Q3.pdf"), "%PDF-1.4 deposit slip\n");
        return List.of(PackageAttachment.of(a), PackageAttachment.of(b));
    }

    /** Signs {@code declaration} with {@code attachments} into {@code out}, at {@link #SIGNING_TIME}. */
    public static Path signedPackage(Path out, Leaf leaf, byte[] declaration, List<PackageAttachment> attachments) {
        try {
            new PackageWriter(Clock.fixed(SIGNING_TIME, ZoneOffset.UTC)).write(declaration, attachments,
                    leaf.credential(), null, out, PackageProgressListener.NONE);
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The example declaration and its attachments, signed by {@code leaf}, written to {@code out}. */
    public Path examplePackage(Path out, Leaf leaf) throws IOException {
        return signedPackage(out, leaf, exampleDeclaration(),
                exampleAttachments(out.toAbsolutePath().getParent().resolve(out.getFileName() + ".attachments")));
    }

    /** PEM text of a certificate, CRL or key. */
    public static String pem(Object o) {
        try {
            StringWriter w = new StringWriter();
            try (JcaPEMWriter p = new JcaPEMWriter(w)) {
                p.writeObject(o);
            }
            return w.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a PEM file. */
    public static Path writePem(Path file, Object o) throws IOException {
        return Files.writeString(file, pem(o), StandardCharsets.US_ASCII);
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws Exception {
        return sign(b, key, alg);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key, KeyAlg keyAlg) throws Exception {
        return new JcaX509CertificateConverter().setProvider(Providers.bc()).getCertificate(
                b.build(new JcaContentSignerBuilder(certSignatureAlgorithm(keyAlg)).setProvider(Providers.bc())
                        .build(key)));
    }

}
