package org.minedecl.shared.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.shared.declaration.Uscc;
import org.minedecl.shared.signature.Providers;
import org.minedecl.shared.testpki.TestPki;

/**
 * Every case of SECURITY-TESTS groups A (signature and certificate) and B (container) as a crafted package,
 * each answered with its specific code and never a crash; prints how many were tried.
 */
class HostileInputsTest {
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final AtomicInteger EXPECTED = new AtomicInteger();
    /** Cases whose expected answer is acceptance (forge sanity checks, opaque nested archive). */
    private static final AtomicInteger ACCEPT_CASES = new AtomicInteger();

    @TempDir
    static Path tmp;

    private static final TestPki EC = TestPki.get(TestPki.KeyAlg.EC);
    private static final Instant NOW = TestPki.NOW;

    @AfterAll
    static void report() {
        System.out.println("hostile inputs tried: " + (TRIED.get() - ACCEPT_CASES.get())
                + ", rejected by the expected check with its code: " + (EXPECTED.get() - ACCEPT_CASES.get())
                + " (plus " + ACCEPT_CASES.get() + " controls expected to verify, all as expected)");
    }

    /**
     * A case: a package, the policy to check it against, and the check expected to refuse it with its code (both
     * null for a control that must verify): the check that is about the case, so that a package refused early for
     * an unrelated reason cannot hide a gap behind it.
     */
    private record Case(String name, ThrowingSupplier<byte[]> pkg, VerificationPolicy policy, String check,
                        String code) {
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private static Case c(String name, ThrowingSupplier<byte[]> pkg, String check, String code) {
        return new Case(name, pkg, EC.policy(NOW), check, code);
    }

    private static Case c(String name, ThrowingSupplier<byte[]> pkg, VerificationPolicy policy, String check,
                          String code) {
        return new Case(name, pkg, policy, check, code);
    }

    private static byte[] good(TestPki pki, TestPki.Leaf leaf) throws Exception {
        Path p = tmp.resolve("good-" + System.nanoTime() + ".asice");
        return Files.readAllBytes(pki.examplePackage(p, leaf));
    }

    private static byte[] goodEc() throws Exception {
        return good(EC, EC.leaf().build());
    }

    /** The good EC package with its parts changed by {@code edit}. */
    /** The signature with its signed attributes in reverse order, encoded as they are (DL, not DER). */
    private static byte[] unsortedSignedAttributes(byte[] p7s) {
        try {
            // built by hand with DL (definite-length, unsorted) types: BC's DER types would sort the set again
            org.bouncycastle.asn1.ASN1Sequence ci = org.bouncycastle.asn1.ASN1Sequence.getInstance(p7s);
            org.bouncycastle.asn1.ASN1Sequence sd = org.bouncycastle.asn1.ASN1Sequence.getInstance(
                    ((org.bouncycastle.asn1.ASN1TaggedObject) ci.getObjectAt(1)).getExplicitBaseObject());
            org.bouncycastle.asn1.ASN1Set infos = (org.bouncycastle.asn1.ASN1Set) sd.getObjectAt(sd.size() - 1);
            org.bouncycastle.asn1.ASN1Sequence si = org.bouncycastle.asn1.ASN1Sequence.getInstance(infos.getObjectAt(0));
            org.bouncycastle.asn1.ASN1EncodableVector fields = new org.bouncycastle.asn1.ASN1EncodableVector();
            for (int i = 0; i < si.size(); i++) {
                org.bouncycastle.asn1.ASN1Encodable field = si.getObjectAt(i);
                if (field instanceof org.bouncycastle.asn1.ASN1TaggedObject t && t.getTagNo() == 0) {
                    org.bouncycastle.asn1.ASN1Set attrs = org.bouncycastle.asn1.ASN1Set.getInstance(t, false);
                    org.bouncycastle.asn1.ASN1EncodableVector reversed = new org.bouncycastle.asn1.ASN1EncodableVector();
                    for (int k = attrs.size() - 1; k >= 0; k--) {
                        reversed.add(attrs.getObjectAt(k));
                    }
                    field = new org.bouncycastle.asn1.DLTaggedObject(false, 0,
                            new org.bouncycastle.asn1.DLSet(reversed));
                }
                fields.add(field);
            }
            org.bouncycastle.asn1.ASN1EncodableVector sdFields = new org.bouncycastle.asn1.ASN1EncodableVector();
            for (int i = 0; i < sd.size() - 1; i++) {
                sdFields.add(sd.getObjectAt(i));
            }
            sdFields.add(new org.bouncycastle.asn1.DLSet(new org.bouncycastle.asn1.DLSequence(fields)));
            byte[] out = new org.bouncycastle.asn1.DLSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    ci.getObjectAt(0), new org.bouncycastle.asn1.DLTaggedObject(true, 0,
                    new org.bouncycastle.asn1.DLSequence(sdFields))}).getEncoded("DL");
            if (java.util.Arrays.equals(out, p7s)) {
                throw new IllegalStateException("the attributes' order did not change");
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The signature with the first DER TRUE (01 01 FF: a critical flag of a certificate) written as 01 01 01. */
    private static byte[] nonDerBoolean(byte[] p7s) {
        byte[] out = p7s.clone();
        for (int i = 0; i + 2 < out.length; i++) {
            if (out[i] == 1 && out[i + 1] == 1 && out[i + 2] == (byte) 0xFF) {
                out[i + 2] = 1;
                return out;
            }
        }
        throw new IllegalStateException("no BOOLEAN TRUE in the signature");
    }

    /** An Info-ZIP Unicode Path extra field (0x7075): version 1, the CRC of {@code headerName}, {@code unicode}. */
    private static byte[] unicodePath(String headerName, String unicode) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(headerName.getBytes(StandardCharsets.UTF_8));
        byte[] u = unicode.getBytes(StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + 5 + u.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x7075).putShort((short) (5 + u.length)).put((byte) 1).putInt((int) crc.getValue()).put(u);
        return b.array();
    }

    private static byte[] edited(java.util.function.Consumer<RawZip> edit) throws Exception {
        RawZip z = RawZip.of(goodEc());
        edit.accept(z);
        return z.build();
    }

    private static byte[] manifestOf(byte[] pkg) throws Exception {
        return RawZip.read(pkg).get(PackageLayout.MANIFEST);
    }

    private static byte[] withManifest(String manifest) throws Exception {
        return edited(z -> z.get(PackageLayout.MANIFEST).data = manifest.getBytes(StandardCharsets.UTF_8));
    }

    private static String goodManifest() throws Exception {
        return new String(manifestOf(goodEc()), StandardCharsets.UTF_8);
    }

    /** The good package of {@code pki}/{@code leaf} with a forged signature.p7s from {@code forge}. */
    private static byte[] forged(TestPki pki, TestPki.Leaf leaf, java.util.function.Consumer<CmsForge> setup)
            throws Exception {
        return resigned(pki, good(pki, leaf), leaf, setup);
    }

    /** {@code pkg} with its signature replaced by one forged with {@code leaf}'s key and certificate. */
    private static byte[] resigned(TestPki pki, byte[] pkg, TestPki.Leaf leaf,
            java.util.function.Consumer<CmsForge> setup) throws Exception {
        CmsForge f = new CmsForge();
        f.content = manifestOf(pkg);
        f.key = leaf.key();
        f.signerCert = leaf.cert();
        f.certs.addAll(leaf.chain());
        if (pki.alg() == TestPki.KeyAlg.SM2) {
            f.digestAlg = new AlgorithmIdentifier(GMObjectIdentifiers.sm3);
            f.sigAlg = new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);
            f.jcaSignature = "SM3withSM2";
            f.jcaDigest = "SM3";
        } else if (pki.alg() == TestPki.KeyAlg.RSA) {
            f.sigAlg = new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption);
            f.jcaSignature = "SHA256withRSA";
        }
        setup.accept(f);
        byte[] p7s = f.build();
        RawZip z = RawZip.of(pkg);
        z.get(PackageLayout.SIGNATURE).data = p7s;
        return z.build();
    }

    private static byte[] forgedEc(java.util.function.Consumer<CmsForge> setup) throws Exception {
        return forged(EC, EC.leaf().build(), setup);
    }

    private static byte[] derSig(BigInteger r, BigInteger s) {
        try {
            ASN1EncodableVector v = new ASN1EncodableVector();
            v.add(new ASN1Integer(r));
            v.add(new ASN1Integer(s));
            return new DERSequence(v).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> java.util.function.Consumer<T> unchecked(ThrowingConsumer<T> c) {
        return t -> {
            try {
                c.accept(t);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }

    private static String otherUscc(String first17) {
        return first17 + Uscc.checkCharacter(first17);
    }

    private static VerificationPolicy policyWithCrls(TestPki pki, List<X509CRL> crls) {
        return new VerificationPolicy(List.of(pki.root().cert()), crls, NOW);
    }

    private static List<Case> cases() throws Exception {
        List<Case> l = new ArrayList<>();
        TestPki sm2 = TestPki.get(TestPki.KeyAlg.SM2);
        TestPki rsa = TestPki.get(TestPki.KeyAlg.RSA);
        BigInteger sm2n = GMNamedCurves.getByName("sm2p256v1").getN();

        // ---- sanity: the forge itself makes valid packages, so every rejection below is about its one change
        l.add(c("A0 forged CMS with nothing wrong verifies", () -> forgedEc(f -> { }), null, null));
        l.add(c("A0 forged SM2 CMS with nothing wrong verifies", () -> forged(sm2, sm2.leaf().build(), f -> { }),
                sm2.policy(NOW), null, null));

        // ---- A.1 signer count and detachment
        l.add(c("A1 zero SignerInfos", () -> forgedEc(f -> f.signerCount = 0), "cms.structure", "CMS_SIGNER_COUNT"));
        l.add(c("A1 two SignerInfos", () -> forgedEc(f -> f.signerCount = 2), "cms.structure", "CMS_SIGNER_COUNT"));
        l.add(c("A1 attached content", () -> forgedEc(f -> f.attachContent = true), "cms.structure", "CMS_NOT_DETACHED"));
        // ---- A.2 signed attributes
        l.add(c("A2 no signed attributes", () -> forgedEc(f -> f.noSignedAttributes = true),
                "cms.signedAttributes", "SIGNED_ATTRIBUTES_MISSING"));
        l.add(c("A2 message-digest missing", () -> forgedEc(unchecked(f -> {
            f.attributes = f.defaultAttributes();
            f.attributes.removeIf(a -> a.getAttrType().equals(CMSAttributes.messageDigest));
        })), "cms.signedAttributes", "MESSAGE_DIGEST_MISSING"));
        l.add(c("A2 message-digest duplicated", () -> forgedEc(unchecked(f -> {
            f.attributes = f.defaultAttributes();
            f.attributes.add(CmsForge.attr(CMSAttributes.messageDigest, new DEROctetString(new byte[32])));
        })), "cms.signedAttributes", "MESSAGE_DIGEST_DUPLICATE"));
        l.add(c("A2 message-digest with two values", () -> forgedEc(unchecked(f -> {
            f.attributes = f.defaultAttributes();
            f.attributes.removeIf(a -> a.getAttrType().equals(CMSAttributes.messageDigest));
            f.attributes.add(CmsForge.attr(CMSAttributes.messageDigest, new DEROctetString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(f.content)),
                    new DEROctetString(new byte[32])));
        })), "cms.signedAttributes", "MESSAGE_DIGEST_DUPLICATE"));
        l.add(c("A2 message-digest wrong", () -> forgedEc(unchecked(f -> {
            f.attributes = f.defaultAttributes();
            f.attributes.removeIf(a -> a.getAttrType().equals(CMSAttributes.messageDigest));
            f.attributes.add(CmsForge.attr(CMSAttributes.messageDigest, new DEROctetString(new byte[32])));
        })), "cms.messageDigest", "MESSAGE_DIGEST_MISMATCH"));
        l.add(c("A2 content-type not id-data", () -> forgedEc(unchecked(f -> {
            f.attributes = f.defaultAttributes();
            f.attributes.removeIf(a -> a.getAttrType().equals(CMSAttributes.contentType));
            f.attributes.add(CmsForge.attr(CMSAttributes.contentType, CMSObjectIdentifiers.signedData));
        })), "cms.signedAttributes", "CONTENT_TYPE_MISMATCH"));
        l.add(c("A2 content-type missing", () -> forgedEc(unchecked(f -> {
            f.attributes = f.defaultAttributes();
            f.attributes.removeIf(a -> a.getAttrType().equals(CMSAttributes.contentType));
        })), "cms.signedAttributes", "CONTENT_TYPE_MISSING"));
        l.add(c("A2 signing-time missing", () -> forgedEc(unchecked(f -> {
            f.attributes = f.defaultAttributes();
            f.attributes.removeIf(a -> a.getAttrType().equals(CMSAttributes.signingTime));
        })), "cms.signedAttributes", "SIGNING_TIME_MISSING"));
        // ---- A.3 signing-certificate-v2
        l.add(c("A3 signing-certificate-v2 missing", () -> forgedEc(unchecked(f -> {
            f.attributes = f.defaultAttributes();
            f.attributes.removeIf(a -> a.getAttrType().equals(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
        })), "cms.signedAttributes", "SIGNING_CERTIFICATE_V2_MISSING"));
        l.add(c("A3 signing-certificate-v2 names another certificate", () -> forgedEc(unchecked(f -> {
            f.attributes = f.defaultAttributes();
            f.attributes.removeIf(a -> a.getAttrType().equals(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
            f.attributes.add(CmsForge.signingCertificateV2(EC.issuing().cert()));
        })), "cms.signerCertificate", "SIGNING_CERTIFICATE_V2_MISMATCH"));
        l.add(c("A3 substitute certificate (same issuer and serial, other key) in the bag", () -> {
            TestPki.Leaf real = EC.leaf().build();
            byte[] pkg = good(EC, real);
            // the attacker's certificate: same subject/issuer, other key, signed by nobody we know
            TestPki.Leaf fake = TestPki.other(TestPki.KeyAlg.EC).leaf().keySlot(7).build();
            CmsForge f = new CmsForge();
            f.content = manifestOf(pkg);
            f.key = fake.key();
            f.signerCert = real.cert();
            f.certs.add(fake.cert());
            f.certs.addAll(real.chain().subList(1, real.chain().size()));
            f.attributes = f.defaultAttributes();
            RawZip z = RawZip.of(pkg);
            // keep sid = real cert, bag holds only the fake: the signer's certificate is absent
            z.get(PackageLayout.SIGNATURE).data = f.build();
            return z.build();
        }, "cms.signerCertificate", "SIGNER_CERTIFICATE_MISSING"));
        // ---- A.4 malformed signature values
        l.add(c("A4 ECDSA r = 0", () -> forgedEc(f -> f.signatureTransform = s -> derSig(BigInteger.ZERO,
                BigInteger.ONE)), "cms.signature", "SIGNATURE_INVALID"));
        l.add(c("A4 ECDSA s = 0", () -> forgedEc(f -> f.signatureTransform = s -> {
            org.bouncycastle.asn1.ASN1Sequence q = org.bouncycastle.asn1.ASN1Sequence.getInstance(s);
            return derSig(ASN1Integer.getInstance(q.getObjectAt(0)).getValue(), BigInteger.ZERO);
        }), "cms.signature", "SIGNATURE_INVALID"));
        l.add(c("A4 ECDSA signature in non-DER (long-form length) encoding", () -> forgedEc(f ->
                f.signatureTransform = s -> {
                    byte[] b = new byte[s.length + 1];
                    b[0] = 0x30;
                    b[1] = (byte) 0x81;
                    System.arraycopy(s, 1, b, 2, s.length - 1);
                    return b;
                }), "cms.signature", "SIGNATURE_INVALID"));
        l.add(c("A4 SM2 r = 0", () -> forged(sm2, sm2.leaf().build(), f -> f.signatureTransform =
                s -> derSig(BigInteger.ZERO, BigInteger.ONE)), sm2.policy(NOW), "cms.signature", "SIGNATURE_INVALID"));
        l.add(c("A4 SM2 s = n", () -> forged(sm2, sm2.leaf().build(), f -> f.signatureTransform = s -> {
            org.bouncycastle.asn1.ASN1Sequence q = org.bouncycastle.asn1.ASN1Sequence.getInstance(s);
            return derSig(ASN1Integer.getInstance(q.getObjectAt(0)).getValue(), sm2n);
        }), sm2.policy(NOW), "cms.signature", "SIGNATURE_INVALID"));
        l.add(c("A4 SM2 r = n", () -> forged(sm2, sm2.leaf().build(), f -> f.signatureTransform =
                s -> derSig(sm2n, BigInteger.ONE)), sm2.policy(NOW), "cms.signature", "SIGNATURE_INVALID"));
        l.add(c("A4 SM2 signed with a non-default user id", () -> forged(sm2, sm2.leaf().build(), f ->
                f.sigParams = new SM2ParameterSpec("ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII))),
                sm2.policy(NOW), "cms.signature", "SIGNATURE_INVALID"));
        l.add(c("A4 SM2 key with the SM2-with-SHA256 signature OID", () -> forged(sm2, sm2.leaf().build(), f ->
                f.sigAlg = new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sha256)), sm2.policy(NOW),
                "cms.algorithms", "ALG_NOT_ALLOWED"));
        l.add(c("A4 SM3withSM2 with a SHA-256 digest algorithm", () -> forged(sm2, sm2.leaf().build(), f -> {
            f.digestAlg = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);
            f.jcaDigest = "SHA-256";
        }), sm2.policy(NOW), "cms.algorithms", "ALG_NOT_ALLOWED"));
        // ---- A.5 weak or unknown algorithms
        l.add(c("A5 SHA-1 digest with ECDSA", () -> forgedEc(f -> {
            f.digestAlg = new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1);
            f.jcaDigest = "SHA-1";
            f.sigAlg = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA1);
            f.jcaSignature = "SHA1withECDSA";
        }), "cms.algorithms", "ALG_NOT_ALLOWED"));
        l.add(c("A5 MD5 with RSA", () -> forged(rsa, rsa.leaf().build(), f -> {
            f.digestAlg = new AlgorithmIdentifier(PKCSObjectIdentifiers.md5);
            f.jcaDigest = "MD5";
            f.sigAlg = new AlgorithmIdentifier(PKCSObjectIdentifiers.md5WithRSAEncryption);
            f.jcaSignature = "MD5withRSA";
        }), rsa.policy(NOW), "cms.algorithms", "ALG_NOT_ALLOWED"));
        l.add(c("A5 RSA key of 1024 bits", () -> {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", Providers.bc());
            g.initialize(1024);
            KeyPair weak = g.generateKeyPair();
            return good(rsa, rsa.leaf().keyPair(weak).build());
        }, rsa.policy(NOW), "cms.algorithms", "ALG_NOT_ALLOWED"));
        l.add(c("A5 EC key with explicit curve parameters", () -> {
            KeyPair kp = TestPki.key(TestPki.KeyAlg.EC, 2);
            X9ECParameters p256 = SECNamedCurves.getByName("secp256r1");
            SubjectPublicKeyInfo named = SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded());
            SubjectPublicKeyInfo explicit = new SubjectPublicKeyInfo(new AlgorithmIdentifier(
                    X9ObjectIdentifiers.id_ecPublicKey, new X962Parameters(p256)), named.getPublicKeyData().getBytes());
            return resigned(EC, goodEc(), EC.leaf().subjectPublicKeyInfo(explicit).build(), f -> { });
        }, "cms.algorithms", "ALG_NOT_ALLOWED"));
        l.add(c("A5 unknown signature algorithm OID", () -> forgedEc(f ->
                f.sigAlg = new AlgorithmIdentifier(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4.5.6"))),
                "cms.algorithms", "ALG_NOT_ALLOWED"));
        l.add(c("A5 unknown digest algorithm OID", () -> forgedEc(f ->
                f.digestAlg = new AlgorithmIdentifier(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4.5.7"))),
                "cms.algorithms", "ALG_NOT_ALLOWED"));
        l.add(c("A5 manifest digest SHA-1", () -> withManifest(goodManifest().replace(PackageLayout.SHA256_URI,
                "http://www.w3.org/2000/09/xmldsig#sha1")), "manifest.xml", "MANIFEST_DIGEST_ALG_NOT_ALLOWED"));
        // ---- A.6 validity and revocation time
        l.add(c("A6 expired certificate", () -> good(EC, EC.leaf().validity(Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:00:00Z")).build()), "cert.validity", "CERT_EXPIRED"));
        l.add(c("A6 not-yet-valid certificate", () -> good(EC, EC.leaf().validity(
                Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z")).build()),
                "cert.validity", "CERT_NOT_YET_VALID"));
        TestPki.Leaf revoked = EC.leaf().keySlot(3).build();
        Instant revokedAt = TestPki.SIGNING_TIME.plus(30, ChronoUnit.MINUTES);
        l.add(c("A6 revoked after the claimed (back-dated) signing time, before receipt", () -> good(EC, revoked),
                policyWithCrls(EC, List.of(EC.crl(EC.root(), NOW.minus(1, ChronoUnit.DAYS), NOW.plus(7, ChronoUnit.DAYS), NOW),
                        EC.crl(EC.issuing(), NOW.minus(10, ChronoUnit.MINUTES), NOW.plus(7, ChronoUnit.DAYS),
                                revokedAt, revoked.cert()))), "cert.revocation", "CERT_REVOKED"));
        // ---- A.7 CRL problems fail closed
        l.add(c("A7 stale CRL", () -> goodEc(), policyWithCrls(EC, EC.freshCrls(NOW.minus(30, ChronoUnit.DAYS))),
                "cert.revocation", "CRL_STALE"));
        l.add(c("A7 CRL signed by someone else", () -> goodEc(), policyWithCrls(EC, List.of(
                EC.crl(EC.root(), NOW.minus(1, ChronoUnit.DAYS), NOW.plus(7, ChronoUnit.DAYS), NOW),
                TestPki.crl(EC.issuing().cert(), TestPki.key(TestPki.KeyAlg.EC, 9).getPrivate(), TestPki.KeyAlg.EC,
                        NOW.minus(1, ChronoUnit.DAYS), NOW.plus(7, ChronoUnit.DAYS), NOW))), "cert.revocation", "CRL_SIGNATURE_INVALID"));
        l.add(c("A7 no CRL at all", () -> goodEc(), policyWithCrls(EC, List.of()), "cert.revocation", "REVOCATION_UNAVAILABLE"));
        // ---- A.8 trust
        l.add(c("A8 untrusted root", () -> {
            TestPki other = TestPki.other(TestPki.KeyAlg.EC);
            return good(other, other.leaf().build());
        }, "cert.chain", "CHAIN_UNTRUSTED"));
        l.add(c("A8 self-signed leaf", () -> good(EC, EC.leaf().selfSigned().build()), "cert.chain", "SELF_SIGNED_SIGNER"));
        l.add(c("A8 CA certificate as the signer", () -> good(EC, EC.leaf().ca(true).keyUsage(
                KeyUsage.digitalSignature | KeyUsage.keyCertSign).build()), "cert.keyUsage", "SIGNER_IS_CA"));
        l.add(c("A8 keyUsage without digitalSignature or nonRepudiation", () -> good(EC, EC.leaf().keyUsage(
                KeyUsage.keyAgreement).build()), "cert.keyUsage", "KEY_USAGE_NOT_ALLOWED"));
        l.add(c("A8 intermediate only in the CMS bag when the policy requires configured intermediates",
                () -> goodEc(), EC.policy(NOW).onlyConfiguredIntermediates(List.of()), "cert.chain", "CHAIN_UNTRUSTED"));
        l.add(c("A8 control: the same package with the intermediate configured verifies", () -> goodEc(),
                EC.policy(NOW).onlyConfiguredIntermediates(List.of(EC.issuing().cert())), null, null));
        l.add(c("A8 no keyUsage", () -> good(EC, EC.leaf().keyUsage(0).build()), "cert.keyUsage", "KEY_USAGE_MISSING"));
        // ---- A.10 signer binding
        l.add(c("A10 certificate for another enterprise", () -> good(EC, EC.leaf().uscc(
                otherUscc("91110000100000000"), TestPki.UsccPlacement.ORGANIZATION_IDENTIFIER).build()),
                "signer.uscc", "SIGNER_MISMATCH"));
        l.add(c("A10 certificate USCC with a bad GB 32100 check character", () -> good(EC, EC.leaf().uscc(
                "91140525MA0JX7RP10", TestPki.UsccPlacement.SERIAL_NUMBER).build()), "signer.uscc", "SIGNER_USCC_INVALID"));
        l.add(c("A10 certificate USCC in full-width digits", () -> good(EC, EC.leaf().uscc(
                "９１140525MA0JX7RP19", TestPki.UsccPlacement.ORGANIZATION_IDENTIFIER_BARE).build()),
                "signer.uscc", "SIGNER_USCC_INVALID"));
        l.add(c("A10 two subject attributes carrying different USCCs", () -> good(EC, EC.leaf()
                .alsoUscc(otherUscc("91110000100000000"), TestPki.UsccPlacement.SERIAL_NUMBER).build()),
                "signer.uscc", "SIGNER_USCC_CONFLICT"));
        l.add(c("A10 GM/T 0015 extension and subject disagree", () -> good(EC, EC.leaf()
                .alsoUscc(otherUscc("91110000100000000"), TestPki.UsccPlacement.GMT0015_EXTENSION).build()),
                "signer.uscc", "SIGNER_USCC_CONFLICT"));
        l.add(c("A10 certificate without any USCC", () -> good(EC, EC.leaf().noUscc().build()),
                "signer.uscc", "SIGNER_USCC_MISSING"));
        // ---- A.11 huge or deep ASN.1
        l.add(c("A11 signature.p7s nested 100000 deep", () -> edited(z -> {
            byte[] deep = new byte[200_000];
            for (int i = 0; i < deep.length; i += 2) {
                deep[i] = 0x30;
                deep[i + 1] = (byte) 0x80;
            }
            z.get(PackageLayout.SIGNATURE).data = deep;
            z.get(PackageLayout.SIGNATURE).stored();
        }), "cms.structure", "CMS_MALFORMED"));
        l.add(c("A11 signature.p7s claiming a 2 GB length", () -> edited(z -> z.get(PackageLayout.SIGNATURE).data =
                new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x02, 0x01, 0x00}),
                "cms.structure", "CMS_MALFORMED"));
        l.add(c("A11 signature.p7s larger than 1 MiB", () -> edited(z -> z.get(PackageLayout.SIGNATURE).data =
                new byte[(1 << 20) + 1]), "container.content", "ENTRY_TOO_LARGE"));
        l.add(c("C3 declaration.json larger than the JSON document limit", () -> edited(z ->
                z.get(PackageLayout.DECLARATION).data = new byte[(1 << 20) + 1]), "container.content", "JSON_TOO_LARGE"));
        l.add(c("A11 a deeply nested certificate in the CMS bag", () -> forgedEc(f -> {
            org.bouncycastle.asn1.ASN1Encodable deep = new DERSequence(new ASN1Integer(1));
            for (int i = 0; i < 60; i++) {
                deep = new DERSequence(deep);
            }
            f.rawCerts.add(deep);
        }), "cms.structure", "CMS_MALFORMED"));
        // ---- B.1 data files and manifest references
        l.add(c("B1 changed data file", () -> edited(z -> z.get(PackageLayout.DECLARATION).data =
                new String(z.get(PackageLayout.DECLARATION).data, StandardCharsets.UTF_8).replace("14.2", "14.3")
                        .getBytes(StandardCharsets.UTF_8)), "manifest.digests", "DIGEST_MISMATCH"));
        l.add(c("B1 removed data file", () -> edited(z -> z.remove("attachments/mining-licence.pdf")),
                "manifest.digests", "MANIFEST_REFERENCE_MISSING"));
        l.add(c("B1 extra unlisted data file", () -> edited(z -> z.add("attachments/extra.pdf",
                new byte[] {1, 2, 3}).stored()), "manifest.coverage", "UNLISTED_FILE"));
        l.add(c("B1 duplicate manifest reference", () -> {
            String m = goodManifest();
            int a = m.indexOf("<asic:DataObjectReference");
            int b = m.indexOf("</asic:DataObjectReference>") + "</asic:DataObjectReference>".length();
            return withManifest(m.substring(0, b) + m.substring(a, b) + m.substring(b));
        }, "manifest.xml", "MANIFEST_DUPLICATE_REFERENCE"));
        for (String uri : List.of("../declaration.json", "/declaration.json", "file:///etc/passwd",
                "http://example.com/declaration.json", "attachments/..%2F..%2Fx", "C:\\x", "%2E%2E/x")) {
            l.add(c("B1 manifest URI " + uri, () -> withManifest(goodManifest().replace(
                    "URI=\"declaration.json\"", "URI=\"" + uri + "\"")), "manifest.xml", "MANIFEST_URI_INVALID"));
        }
        l.add(c("B1 manifest with a DTD (XXE)", () -> withManifest(goodManifest().replaceFirst("\\?>",
                "?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")), "manifest.xml", "MANIFEST_DTD_FORBIDDEN"));
        l.add(c("B1 manifest not XML", () -> withManifest("<asic:ASiCManifest"), "manifest.xml", "MANIFEST_MALFORMED"));
        // ---- B.2 mimetype
        l.add(c("B2 mimetype missing", () -> edited(z -> z.remove("mimetype")), "container.mimetype", "MIMETYPE_MISSING"));
        l.add(c("B2 mimetype compressed", () -> edited(z -> z.get("mimetype").method = 8), "container.mimetype", "MIMETYPE_COMPRESSED"));
        l.add(c("B2 mimetype not first", () -> edited(z -> {
            RawZip.E m = z.get("mimetype");
            z.entries.remove(m);
            z.entries.add(1, m);
        }), "container.mimetype", "MIMETYPE_NOT_FIRST"));
        l.add(c("B2 mimetype wrong content", () -> edited(z -> z.get("mimetype").data =
                "application/zip".getBytes(StandardCharsets.US_ASCII)), "container.mimetype", "MIMETYPE_WRONG"));
        // ---- B.3 zip slip
        for (String name : List.of("../x", "/abs", "C:\\x", "..\\x", "attachments/../../x", "C:x",
                "attachments//x", "./declaration.json")) {
            l.add(c("B3 entry named " + name, () -> edited(z -> z.add(name, new byte[] {1})), "container.entries", "ZIP_SLIP"));
        }
        // ---- B.4 bombs
        l.add(c("B4 ratio bomb (10 MB of zeros)", () -> edited(z -> z.add("attachments/zeros.bin",
                new byte[10 << 20])), "container.content", "ZIP_BOMB_RATIO"));
        l.add(c("B4 header claims more than the absolute cap", () -> edited(z -> {
            RawZip.E e = z.add("attachments/big.bin", new byte[] {1});
            e.cenUsize = (600L << 20);
        }), "container.content", "ZIP_BOMB_SIZE"));
        l.add(c("B4 header understates the inflated size", () -> edited(z -> {
            RawZip.E e = z.add("attachments/liar.bin", new byte[100_000]);
            e.cenUsize = 100L;
            e.locUsize = 100L;
        }), "container.content", "SIZE_MISMATCH"));
        l.add(c("B4 too many entries", () -> edited(z -> {
            for (int i = 0; i < 1001; i++) {
                z.add("attachments/f" + i, new byte[0]).stored();
            }
        }), "container.entries", "ENTRY_COUNT_EXCEEDED"));
        l.add(c("B4 overlapping entries", () -> edited(z -> {
            RawZip.E e = z.add("attachments/overlap.pdf", new byte[] {1});
            e.cenOffset = 0L;
        }), "container.structure", "ENTRY_OVERLAP"));
        // ---- B.5 duplicates
        l.add(c("B5 duplicate entry name", () -> edited(z -> z.add("declaration.json", new byte[] {'{', '}'})),
                "container.entries", "DUPLICATE_ENTRY"));
        l.add(c("B5 names differing only in case", () -> edited(z -> z.add("Declaration.json",
                new byte[] {'{', '}'})), "container.entries", "DUPLICATE_ENTRY"));
        l.add(c("B5 names differing only in Unicode normalisation", () -> edited(z -> {
            z.add("attachments/caf\u00e9.pdf", new byte[] {1});
            z.add("attachments/cafe\u0301.pdf", new byte[] {2});
        }), "container.entries", "DUPLICATE_ENTRY"));
        // ---- B.6 headers disagree
        l.add(c("B6 local and central names differ", () -> edited(z -> z.get("attachments/mining-licence.pdf")
                .localNameBytes = "attachments/mining-licenc3.pdf".getBytes(StandardCharsets.UTF_8)),
                "container.structure", "HEADER_MISMATCH"));
        l.add(c("B6 local and central sizes differ", () -> edited(z -> z.get("attachments/mining-licence.pdf")
                .locUsize = 5L), "container.structure", "HEADER_MISMATCH"));
        l.add(c("B6 local entry missing from the central directory", () -> edited(z -> z.add(
                "attachments/hidden.pdf", new byte[] {1}).inCentral = false), "container.structure", "ZIP_HIDDEN_DATA"));
        l.add(c("B6 bytes prepended", () -> edited(z -> z.prefix = "MZ-stub".getBytes(StandardCharsets.US_ASCII)),
                "container.structure", "ZIP_PREPENDED_DATA"));
        l.add(c("B6 bytes prepended without their offsets counted (a stub concatenated in front)", () -> {
            byte[] g = goodEc();
            byte[] out = new byte[g.length + 16];
            System.arraycopy(g, 0, out, 16, g.length);
            return out;
        }, "container.structure", "ZIP_PREPENDED_DATA"));
        l.add(c("B6 bytes appended", () -> edited(z -> z.suffix = new byte[] {1, 2, 3}), "container.structure", "ZIP_TRAILING_DATA"));
        l.add(c("B6 zip64 locator without its end record", () -> edited(z -> z.zip64Locator = true),
                "container.structure", "ZIP64_INCONSISTENT"));
        l.add(c("B6 end record counts fewer entries", () -> edited(z -> z.eocdCount = 3), "container.structure", "ZIP_MALFORMED"));
        // ---- B.7 entry kinds
        l.add(c("B7 symlink entry", () -> edited(z -> {
            RawZip.E e = z.add("attachments/link.pdf", "/etc/passwd".getBytes(StandardCharsets.US_ASCII));
            e.versionMadeBy = 0x0314;
            e.extAttr = 0xA1FFL << 16;
        }), "container.entries", "ENTRY_SYMLINK"));
        l.add(c("B7 encrypted entry", () -> edited(z -> z.get("attachments/mining-licence.pdf").flags |= 1),
                "container.entries", "ENTRY_ENCRYPTED"));
        l.add(c("B7 bzip2 entry", () -> edited(z -> {
            RawZip.E e = z.add("attachments/x.bz2", new byte[] {1});
            e.method = 12;
            e.rawCompressed = new byte[] {1};
        }), "container.entries", "ENTRY_METHOD_UNSUPPORTED"));
        // ---- B.7 / B.10: what changes what a reader sees is refused by its own code (CONTRACTS section 3)
        l.add(c("B7 strong-encryption flag", () -> edited(z -> z.get("attachments/mining-licence.pdf").flags |= 0x40),
                "container.entries", "ENTRY_ENCRYPTED"));
        l.add(c("B7 named pipe entry", () -> edited(z -> {
            RawZip.E e = z.add("attachments/pipe.pdf", new byte[] {1});
            e.versionMadeBy = 0x0314;
            e.extAttr = 0x11A4L << 16;
        }), "container.entries", "ENTRY_SPECIAL_FILE"));
        l.add(c("B7 file marked as a directory", () -> edited(z -> {
            RawZip.E e = z.add("attachments/dir.pdf", new byte[] {1});
            e.versionMadeBy = 0x0314;
            e.extAttr = 0x41EDL << 16;
        }), "container.entries", "ENTRY_TYPE_MISMATCH"));
        l.add(c("B6 local and central methods differ", () -> edited(z -> z.get("attachments/mining-licence.pdf")
                .localMethod = 8), "container.structure", "HEADER_MISMATCH"));
        l.add(c("B8 Info-ZIP Unicode Path naming another entry", () -> edited(z -> z.get(
                "attachments/mining-licence.pdf").extra = unicodePath("attachments/mining-licence.pdf",
                "attachments/fund-deposit-2026Q3.pdf")), "container.entries", "UNICODE_PATH_MISMATCH"));
        l.add(c("B8 Info-ZIP Unicode Path with a stale name CRC", () -> edited(z -> z.get(
                "attachments/mining-licence.pdf").extra = unicodePath("attachments/other.pdf",
                "attachments/mining-licence.pdf")), "container.entries", "UNICODE_PATH_MISMATCH"));
        l.add(c("B1 two signatures", () -> edited(z -> z.add("META-INF/signature2.p7s",
                z.get("META-INF/signature.p7s").data)), "container.layout", "SIGNATURE_MULTIPLE"));
        l.add(c("B1 two manifests", () -> edited(z -> z.add("META-INF/ASiCManifest2.xml",
                z.get("META-INF/ASiCManifest.xml").data)), "container.layout", "MANIFEST_MULTIPLE"));
        l.add(c("B1 the manifest's SigReference does not name the signature", () -> edited(z -> z.get(
                "META-INF/signature.p7s").nameBytes = "META-INF/signature001.p7s".getBytes(StandardCharsets.US_ASCII)),
                "manifest.xml", "MANIFEST_SIGREFERENCE_INVALID"));
        // ---- A.12 malleability: non-DER where DER is required has its own code
        l.add(c("A12 signed attributes not in DER order (still verify over their DER form)", () -> edited(z -> z.get(
                "META-INF/signature.p7s").data = unsortedSignedAttributes(z.get("META-INF/signature.p7s").data)),
                "cms.encoding", "SIGNED_ATTRIBUTES_NOT_DER"));
        l.add(c("A12 a certificate in the bag with a non-DER BOOLEAN", () -> edited(z -> z.get(
                "META-INF/signature.p7s").data = nonDerBoolean(z.get("META-INF/signature.p7s").data)),
                "cms.encoding", "CERTIFICATE_NOT_DER"));
        // controls: metadata other producers write, not signed and harmless, is read, not judged
        l.add(c("B10 control: permission bits without a file type (Python's zipfile)", () -> edited(z -> {
            for (RawZip.E e : z.entries) {
                e.versionMadeBy = 0x0314;
                e.extAttr = 0600L << 16;
            }
        }), null, null));
        l.add(c("B10 control: DOS host, version made by 2.0, archive bits (JSZip)", () -> edited(z -> {
            for (RawZip.E e : z.entries) {
                e.versionMadeBy = 0x0014;
                e.versionNeeded = 0x000A;
                e.extAttr = 0x20;
            }
        }), null, null));
        l.add(c("B10 control: Info-ZIP Unicode Path naming the entry itself, and other extra fields", () -> edited(
                z -> {
                    RawZip.E e = z.get("attachments/mining-licence.pdf");
                    byte[] up = unicodePath("attachments/mining-licence.pdf", "attachments/mining-licence.pdf");
                    byte[] ut = {0x55, 0x54, 5, 0, 1, 0, 0, 0, 0};
                    e.extra = new byte[up.length + ut.length];
                    System.arraycopy(ut, 0, e.extra, 0, ut.length);
                    System.arraycopy(up, 0, e.extra, ut.length, up.length);
                }), null, null));
        // ---- B.8 names
        l.add(c("B8 invalid UTF-8 name with the UTF-8 flag", () -> edited(z -> {
            RawZip.E e = z.add("attachments/x", new byte[] {1});
            e.nameBytes = new byte[] {'a', (byte) 0xC3, 0x28};
            e.flags |= 0x800;
        }), "container.entries", "ENTRY_NAME_NOT_UTF8"));
        l.add(c("B8 GBK name without the UTF-8 flag", () -> edited(z -> {
            RawZip.E e = z.add("attachments/x", new byte[] {1});
            e.nameBytes = new byte[] {(byte) 0xB2, (byte) 0xC9, (byte) 0xBF, (byte) 0xF3};
            e.flags &= ~0x800;
        }), "container.entries", "ENTRY_NAME_NOT_UTF8"));
        l.add(c("B8 not a ZIP at all", () -> "hello".getBytes(StandardCharsets.US_ASCII), "container.structure", "ZIP_MALFORMED"));
        l.add(c("B8 empty file", () -> new byte[0], "container.structure", "ZIP_MALFORMED"));
        return l;
    }

    @TestFactory
    Stream<DynamicTest> everyHostileInputIsRejectedWithItsSpecificCode() throws Exception {
        return cases().stream().map(k -> DynamicTest.dynamicTest(k.name() + " -> " + (k.code() == null ? "valid"
                : k.check() + " " + k.code()), () -> {
            byte[] bytes = k.pkg().get();
            Path p = Files.write(tmp.resolve("case-" + TRIED.incrementAndGet() + ".asice"), bytes);
            long t0 = System.nanoTime();
            VerificationReport r = new PackageVerifier(k.policy()).verify(p);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (k.code() == null) {
                ACCEPT_CASES.incrementAndGet();
                assertThat(r.firstFailure()).isEmpty();
            } else {
                assertThat(r.firstFailure()).as(k.name()).isPresent();
                CheckResult failed = r.firstFailure().get();
                assertThat(List.of(failed.check(), failed.code())).as(k.name() + ": " + failed.detail())
                        .containsExactly(k.check(), k.code());
                assertThat(r.valid()).isFalse();
            }
            if ("ALG_NOT_ALLOWED".equals(k.code()) || k.name().startsWith("A11")) {
                assertThat(ms).as("answered fast").isLessThan(1000);
            }
            EXPECTED.incrementAndGet();
        }));
    }

    @TestFactory
    Stream<DynamicTest> certificateRevocationAndIssuerUrlsAreNeverFetched() {
        return Stream.of(DynamicTest.dynamicTest("A9 CRL and AIA URLs point at a listening socket", () -> {
            try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                String url = "http://127.0.0.1:" + server.getLocalPort() + "/x";
                GeneralName gn = new GeneralName(GeneralName.uniformResourceIdentifier, url);
                TestPki.Leaf leaf = EC.leaf().extension(new Extension(Extension.cRLDistributionPoints, false,
                        new DEROctetString(new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(
                                new DistributionPointName(new GeneralNames(gn)), null, null)}))))
                        .extension(new Extension(Extension.authorityInfoAccess, false, new DEROctetString(
                                new AuthorityInformationAccess(new AccessDescription(
                                        AccessDescription.id_ad_caIssuers, gn))))).build();
                Path p = Files.write(tmp.resolve("case-" + TRIED.incrementAndGet() + ".asice"), good(EC, leaf));
                VerificationReport r = new PackageVerifier(policyWithCrls(EC, List.of())).verify(p);
                assertThat(List.of(r.firstFailure().get().check(), r.firstFailure().get().code()))
                        .containsExactly("cert.revocation", "REVOCATION_UNAVAILABLE");
                server.setSoTimeout(300);
                boolean connected;
                try (var s = server.accept()) {
                    connected = true;
                } catch (SocketTimeoutException e) {
                    connected = false;
                }
                assertThat(connected).as("the verifier connected to a URL from the certificate").isFalse();
                EXPECTED.incrementAndGet();
            }
        }), DynamicTest.dynamicTest("B9 a nested archive attachment is carried opaque, never unpacked", () -> {
            Path dir = tmp.resolve("b9");
            Files.createDirectories(dir);
            byte[] inner = RawZip.of(goodEc()).build();
            // a 10 MB zero-filled zip inside: never inflated, only hashed
            RawZip bomb = new RawZip();
            bomb.add("zeros", new byte[10 << 20]);
            Path licence = Files.write(dir.resolve("mining-licence.pdf"), bomb.build());
            Path slip = Files.write(dir.resolve("fund-deposit-2026Q3.pdf"), inner);
            Path p = TestPki.signedPackage(tmp.resolve("case-" + TRIED.incrementAndGet() + ".asice"),
                    EC.leaf().build(), TestPki.exampleDeclaration(), List.of(
                            org.minedecl.shared.pkg.PackageAttachment.of(licence),
                            org.minedecl.shared.pkg.PackageAttachment.of(slip)));
            VerificationReport r = new PackageVerifier(EC.policy(NOW)).verify(p);
            ACCEPT_CASES.incrementAndGet();
            assertThat(r.firstFailure()).isEmpty();
            EXPECTED.incrementAndGet();
        }));
    }

    @org.junit.jupiter.api.Test
    void aPackageThatCannotBeOpenedIsOneFailedStructureCheck() {
        VerificationReport r = new PackageVerifier(EC.policy(NOW)).verify(tmp.resolve("no-such-package.asice"));

        assertThat(r.valid()).isFalse();
        assertThat(r.checks()).hasSize(1);
        CheckResult failed = r.firstFailure().orElseThrow();
        assertThat(failed.check()).isEqualTo("container.structure");
        assertThat(failed.code()).isEqualTo("PACKAGE_UNREADABLE");
        assertThat(failed.category()).isEqualTo("PACKAGE_INVALID");
        assertThat(failed.detail()).startsWith("cannot read the package: ").contains("no-such-package.asice");
    }

}
