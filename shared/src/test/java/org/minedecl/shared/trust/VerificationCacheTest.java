package org.minedecl.shared.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.shared.pkg.CheckResult;
import org.minedecl.shared.pkg.PackageProgressListener;
import org.minedecl.shared.pkg.PackageVerifier;
import org.minedecl.shared.pkg.PackageWriter;
import org.minedecl.shared.pkg.VerificationPolicy;
import org.minedecl.shared.pkg.VerificationReport;
import org.minedecl.shared.testpki.TestPki;

/**
 * Remembered paths and CRL checks save work but never change a verdict: each test first lets the cache learn
 * from a good package, then shows that a package that must fail still fails.
 */
class VerificationCacheTest {
    private static final Instant NOW = TestPki.NOW;
    @TempDir
    Path tmp;
    private final TestPki pki = TestPki.get(TestPki.KeyAlg.EC);

    private Path signedAt(Instant t, TestPki.Leaf leaf, String name) throws Exception {
        Path out = tmp.resolve(name);
        new PackageWriter(Clock.fixed(t, ZoneOffset.UTC)).write(TestPki.exampleDeclaration(),
                TestPki.exampleAttachments(tmp.resolve(name + ".att")), leaf.credential(), null, out,
                PackageProgressListener.NONE);
        return out;
    }

    private static String failure(VerificationReport r) {
        return r.firstFailure().map(CheckResult::code).orElse("VALID");
    }

    @Test
    void aSecondPackageOfTheSameSignerReusesThePathInsteadOfSearchingAgain() throws Exception {
        TestPki.Leaf leaf = pki.leaf().keySlot(40).build();
        VerificationPolicy policy = pki.policy(NOW);
        VerificationCache.shared().clear();

        VerificationReport first = new PackageVerifier(policy).verify(pki.examplePackage(tmp.resolve("a.asice"), leaf));
        int[] afterFirst = VerificationCache.shared().sizes();
        VerificationReport second = new PackageVerifier(policy).verify(signedAt(NOW.minus(2, ChronoUnit.HOURS), leaf,
                "b.asice"));

        assertThat(failure(first)).isEqualTo("VALID");
        assertThat(failure(second)).isEqualTo("VALID");
        assertThat(afterFirst).containsExactly(1, 2); // one path; the root's and the issuing CA's CRL
        assertThat(VerificationCache.shared().sizes()).containsExactly(1, 2);
        assertThat(second.checks()).filteredOn(c -> c.check().equals("cert.chain")).singleElement()
                .extracting(CheckResult::detail).asString().contains("Test Root EC");
    }

    @Test
    void aRememberedPathIsNotUsedAtASigningTimeWhenOneOfItsCertificatesHadExpired() throws Exception {
        TestPki.Ca shortLived = pki.newCa("CN=minedecl Short-lived CA,O=minedecl tests,C=CN", pki.root(), 41,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:00Z"));
        TestPki.Leaf leaf = pki.leaf().issuer(shortLived).keySlot(42).build();
        List<X509CRL> crls = List.of(pki.freshCrls(NOW).get(0),
                pki.crl(shortLived, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(7, ChronoUnit.DAYS), NOW));
        VerificationPolicy policy = new VerificationPolicy(List.of(pki.root().cert()), crls, NOW);
        Path inTime = signedAt(Instant.parse("2026-08-01T00:00:00Z"), leaf, "in-time.asice");
        Path late = signedAt(NOW.minus(1, ChronoUnit.HOURS), leaf, "late.asice");

        assertThat(failure(new PackageVerifier(policy).verify(inTime))).isEqualTo("VALID");
        assertThat(failure(new PackageVerifier(policy).verify(late))).isEqualTo("CHAIN_CERT_EXPIRED");
        // and the other way round: an expired chain is not remembered, the good package still passes
        VerificationCache.shared().clear();
        assertThat(failure(new PackageVerifier(policy).verify(late))).isEqualTo("CHAIN_CERT_EXPIRED");
        assertThat(failure(new PackageVerifier(policy).verify(inTime))).isEqualTo("VALID");
    }

    @Test
    void aCrlFromAnotherKeyIsRefusedAfterTheGenuineOneWasAcceptedAndRevocationIsNeverRemembered() throws Exception {
        TestPki.Leaf leaf = pki.leaf().keySlot(43).build();
        Path pkg = pki.examplePackage(tmp.resolve("c.asice"), leaf);
        assertThat(failure(new PackageVerifier(pki.policy(NOW)).verify(pkg))).isEqualTo("VALID");

        X509CRL rootCrl = pki.freshCrls(NOW).get(0);
        X509CRL forged = TestPki.crl(pki.issuing().cert(), TestPki.key(TestPki.KeyAlg.EC, 44).getPrivate(),
                TestPki.KeyAlg.EC, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(7, ChronoUnit.DAYS), NOW);
        assertThat(failure(new PackageVerifier(new VerificationPolicy(List.of(pki.root().cert()),
                List.of(rootCrl, forged), NOW)).verify(pkg))).isEqualTo("CRL_SIGNATURE_INVALID");

        X509CRL revoking = pki.crl(pki.issuing(), NOW.minus(1, ChronoUnit.DAYS), NOW.plus(7, ChronoUnit.DAYS),
                NOW.minus(2, ChronoUnit.DAYS), leaf.cert());
        assertThat(failure(new PackageVerifier(new VerificationPolicy(List.of(pki.root().cert()),
                List.of(rootCrl, revoking), NOW)).verify(pkg))).isEqualTo("CERT_REVOKED");
    }

    @Test
    void anotherTrustAnchorIsAnotherSearch() throws Exception {
        TestPki.Leaf leaf = pki.leaf().keySlot(45).build();
        Path pkg = pki.examplePackage(tmp.resolve("d.asice"), leaf);
        assertThat(failure(new PackageVerifier(pki.policy(NOW)).verify(pkg))).isEqualTo("VALID");

        TestPki stranger = TestPki.other(TestPki.KeyAlg.EC);
        assertThat(failure(new PackageVerifier(new VerificationPolicy(List.of(stranger.root().cert()),
                stranger.freshCrls(NOW), NOW)).verify(pkg))).isEqualTo("CHAIN_UNTRUSTED");
    }

    @Test
    void aCrlThatIsNoLongerConfiguredIsNotKeptAliveByTheCache() throws Exception {
        Path pkg = pki.examplePackage(tmp.resolve("e.asice"), pki.leaf().keySlot(46).build());
        VerificationCache.shared().clear();
        VerificationPolicy policy = pki.policy(NOW);
        assertThat(failure(new PackageVerifier(policy).verify(pkg))).isEqualTo("VALID");
        assertThat(VerificationCache.shared().liveCrls()).isEqualTo(2);

        policy = null; // the trust directory was re-read: nothing refers to the old CRLs any more
        for (int i = 0; i < 50 && VerificationCache.shared().liveCrls() > 0; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(VerificationCache.shared().liveCrls()).isZero();
    }
}
