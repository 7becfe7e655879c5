package org.minedecl.shared.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.minedecl.shared.testpki.TestPki;

/**
 * The producer matrix (SECURITY-TESTS B10): the same declaration and attachments packaged by EU DSS, Python's
 * zipfile (three ways), Info-ZIP, bsdtar and JSZip pass every check of the one verifier, with RSA and ECDSA.
 */
@Tag("producers")
class ProducerMatrixTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(ForeignProducers.Producer.class)
    void aPackageFromEveryConformantProducerPassesEveryCheck(ForeignProducers.Producer producer) {
        for (TestPki.KeyAlg alg : new TestPki.KeyAlg[] {TestPki.KeyAlg.RSA, TestPki.KeyAlg.EC}) {
            String why = producer.unavailable().orElse(null);
            if (why != null) {
                System.out.println("producer matrix: " + producer + " skipped: " + why);
            }
            Assumptions.assumeTrue(why == null, why);
            TestPki pki = TestPki.get(alg);
            Path pkg = ForeignProducers.build(producer, ForeignProducers.exampleFiles(), pki.leaf().build(),
                    tmp.resolve(alg + "-work"), tmp.resolve(producer + "-" + alg + ".asice"));
            Instant now = Instant.now();
            VerificationReport r = new PackageVerifier(pki.policy(now)).verify(pkg);
            System.out.println("producer matrix: " + producer + " " + alg + ": " + (r.valid() ? "valid, "
                    + r.checks().size() + " checks passed" : "REFUSED " + r.firstFailure().orElseThrow()));
            assertThat(r.checks()).as(producer + " " + alg).allMatch(CheckResult::passed);
            assertThat(r.valid()).isTrue();
            assertThat(r.declarationBytes()).isEqualTo(TestPki.exampleDeclaration());
        }
    }

    /**
     * SECURITY-TESTS B through foreign producers: each hostile variant is refused by the check that is about it
     * (check id and code asserted), never by an unrelated earlier one.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(ForeignProducers.Hostile.class)
    void aHostileVariantMadeByAForeignProducerIsRefusedByTheCheckAboutIt(ForeignProducers.Hostile h) {
        String why = h.producer().unavailable().orElse(null);
        if (why != null) {
            System.out.println("hostile producer variant: " + h + " skipped: " + why);
        }
        Assumptions.assumeTrue(why == null, why);
        TestPki pki = TestPki.get(TestPki.KeyAlg.EC);
        Path pkg = ForeignProducers.buildHostile(h, ForeignProducers.exampleFiles(), pki.leaf().build(),
                tmp.resolve("work"), tmp.resolve(h + ".asice"));

        VerificationReport r = new PackageVerifier(pki.policy(Instant.now())).verify(pkg);

        CheckResult failed = r.firstFailure().orElseThrow(() -> new AssertionError(h + " was accepted"));
        System.out.println("hostile producer variant: " + h + ": refused by " + failed.check() + " " + failed.code());
        assertThat(failed.check() + " " + failed.code()).as(failed.detail()).isEqualTo(h.check + " " + h.code);
        assertThat(r.valid()).isFalse();
    }
}
