package org.minedecl.shared.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.minedecl.shared.testpki.TestPki;

class PackageRoundTripTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestPki.KeyAlg.class)
    void aPackageSignedWithEachAlgorithmVerifiesWithEveryCheckPassed(TestPki.KeyAlg alg) throws Exception {
        TestPki pki = TestPki.get(alg);
        TestPki.Leaf leaf = pki.leaf().build();
        Path pkg = pki.examplePackage(tmp.resolve("a.asice"), leaf);

        VerificationReport r = new PackageVerifier(pki.policy(TestPki.NOW)).verify(pkg);

        assertThat(r.firstFailure()).isEmpty();
        assertThat(r.valid()).isTrue();
        assertThat(r.checks()).extracting(CheckResult::check).contains("container.mimetype", "manifest.digests",
                "cms.signature", "cert.chain", "cert.revocation", "signer.uscc");
        assertThat(r.declarationBytes()).isEqualTo(TestPki.exampleDeclaration());
        assertThat(r.parsedDeclaration().declaration().enterprise().uscc()).isEqualTo(TestPki.EXAMPLE_USCC);
        assertThat(r.signer()).isEqualTo(leaf.cert());
        assertThat(r.signingTime()).isEqualTo(TestPki.SIGNING_TIME);
    }

    /**
     * ZIP metadata is not signed (CONTRACTS section 3): a changed byte there (a timestamp, a version) may leave the
     * package valid, but then it is the same filing - the same declaration, manifest and signature value. Any other
     * change is refused, and never by a verifier error.
     */
    @ParameterizedTest
    @EnumSource(TestPki.KeyAlg.class)
    void changingAnySingleByteOfThePackageRefusesItOrLeavesTheSameSignedContent(TestPki.KeyAlg alg)
            throws Exception {
        TestPki pki = TestPki.get(alg);
        Path pkg = pki.examplePackage(tmp.resolve("a.asice"), pki.leaf().build());
        byte[] good = Files.readAllBytes(pkg);
        PackageVerifier verifier = new PackageVerifier(pki.policy(TestPki.NOW));
        String key = verifier.verify(pkg).signedContentKey();
        assertThat(key).hasSize(64);
        Path bad = tmp.resolve("bad.asice");
        int step = alg == TestPki.KeyAlg.EC ? 1 : 7;
        int tried = 0;
        int sameFiling = 0;
        for (int i = 0; i < good.length; i += step) {
            byte[] b = good.clone();
            b[i] ^= 0x01;
            Files.write(bad, b);
            VerificationReport r = verifier.verify(bad);
            if (r.valid()) {
                assertThat(r.signedContentKey()).as("flipped byte %d of %d", i, good.length).isEqualTo(key);
                assertThat(r.declarationBytes()).isEqualTo(TestPki.exampleDeclaration());
                sameFiling++;
            } else {
                assertThat(r.firstFailure().get().code()).isNotEqualTo("VERIFIER_ERROR");
            }
            tried++;
        }
        System.out.println(alg + ": single-byte changes tried: " + tried + ", " + (tried - sameFiling)
                + " refused, " + sameFiling + " in unsigned ZIP metadata (the same filing)");
        assertThat(tried - sameFiling).isGreaterThan(tried * 9 / 10);
    }
}
