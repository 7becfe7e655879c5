package org.minedecl.shared.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.shared.testpki.SignatureTwins;
import org.minedecl.shared.testpki.TestPki;

/**
 * CONTRACTS section 5: the same filing is the same signed manifest and signature value. An ECDSA value (r, s) has
 * a twin (r, n - s) that verifies without the signer having made it; it is the same filing (the same key). SM2's
 * twin does not verify, so it never gets that far.
 */
class SignatureTwinTest {
    @TempDir
    Path tmp;

    @Test
    void anEcdsaSignatureWithSReplacedByNMinusSVerifiesAndIsTheSameFiling() throws Exception {
        TestPki pki = TestPki.get(TestPki.KeyAlg.EC);
        byte[] pkg = Files.readAllBytes(pki.examplePackage(tmp.resolve("a.asice"), pki.leaf().build()));
        PackageVerifier verifier = new PackageVerifier(pki.policy(TestPki.NOW));
        VerificationReport original = verifier.verify(Files.write(tmp.resolve("original.asice"), pkg));
        byte[] twin = SignatureTwins.withSignature(pkg, p7s -> SignatureTwins.negatedS(p7s, SignatureTwins.P256_N));

        VerificationReport copy = verifier.verify(Files.write(tmp.resolve("twin.asice"), twin));

        assertThat(original.valid()).isTrue();
        assertThat(copy.firstFailure()).isEmpty();
        assertThat(copy.signedContentKey()).hasSize(64).isEqualTo(original.signedContentKey());
        // the two really carry different signature values, one of them with s above n/2
        byte[] p7s = p7sOf(pkg);
        assertThat(SignatureTwins.s(p7sOf(twin))).isEqualTo(SignatureTwins.P256_N.subtract(SignatureTwins.s(p7s)));
    }

    @Test
    void anSm2SignatureWithSReplacedByNMinusSDoesNotVerify() throws Exception {
        TestPki pki = TestPki.get(TestPki.KeyAlg.SM2);
        byte[] pkg = Files.readAllBytes(pki.examplePackage(tmp.resolve("a.asice"), pki.leaf().build()));
        byte[] twin = SignatureTwins.withSignature(pkg, p7s -> SignatureTwins.negatedS(p7s, SignatureTwins.SM2_N));

        VerificationReport copy = new PackageVerifier(pki.policy(TestPki.NOW))
                .verify(Files.write(tmp.resolve("twin.asice"), twin));

        assertThat(copy.firstFailure()).get().extracting(CheckResult::check, CheckResult::code)
                .containsExactly("cms.signature", "SIGNATURE_INVALID");
    }

    @Test
    void theKeyTakesTheLowSOfAnEcdsaValueAndLeavesOtherValuesAsTheyAre() {
        byte[] manifest = {1, 2, 3};
        byte[] low = der(java.math.BigInteger.TEN, java.math.BigInteger.valueOf(7));
        byte[] high = der(java.math.BigInteger.TEN, SignatureTwins.P256_N.subtract(java.math.BigInteger.valueOf(7)));
        String ecdsa = org.bouncycastle.asn1.x9.X9ObjectIdentifiers.ecdsa_with_SHA256.getId();
        String sm2 = org.bouncycastle.asn1.gm.GMObjectIdentifiers.sm2sign_with_sm3.getId();

        assertThat(SignedContentKey.normalised(ecdsa, high)).isEqualTo(low);
        assertThat(SignedContentKey.normalised(ecdsa, low)).isEqualTo(low);
        assertThat(SignedContentKey.normalised(sm2, high)).isEqualTo(high);
        assertThat(SignedContentKey.of(manifest, high)).isNotEqualTo(SignedContentKey.of(manifest, low));
    }

    private static byte[] der(java.math.BigInteger r, java.math.BigInteger s) {
        try {
            return new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Integer[] {
                    new org.bouncycastle.asn1.ASN1Integer(r), new org.bouncycastle.asn1.ASN1Integer(s)}).getEncoded();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] p7sOf(byte[] asice) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(asice))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("META-INF/signature.p7s")) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no signature");
    }
}
