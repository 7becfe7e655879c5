package org.minedecl.shared.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509CRL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minedecl.shared.testpki.TestPki;

/**
 * The validator on its own, as a login uses it (no package around the certificate): the same codes the package
 * verifier reports for a signer.
 */
class CertificateValidatorTest {
    private static final Instant NOW = TestPki.NOW;
    private final TestPki pki = TestPki.get(TestPki.KeyAlg.EC);

    private CertificateValidator validator(List<X509CRL> crls) {
        return new CertificateValidator(new TrustPolicy(List.of(pki.root().cert()), crls));
    }

    private static String outcome(CertificateValidator.Validation v) {
        return v.valid() ? "VALID" : v.failure().code();
    }

    @Test
    void aCertificateOfTheTrustedPkiIsValidNowAndItsPathEndsAtTheRoot() {
        TestPki.Leaf leaf = pki.leaf().keySlot(60).build();
        CertificateValidator.Validation v = validator(pki.freshCrls(NOW)).validate(leaf.cert(), leaf.chain(), NOW, NOW);

        assertThat(outcome(v)).isEqualTo("VALID");
        assertThat(v.path().certificates()).first().isEqualTo(leaf.cert());
        assertThat(v.path().anchor()).isEqualTo(pki.root().cert());
    }

    @Test
    void aRevokedCertificateIsRefusedAsRevoked() throws Exception {
        TestPki.Leaf leaf = pki.leaf().keySlot(61).build();
        List<X509CRL> crls = List.of(pki.freshCrls(NOW).get(0), pki.crl(pki.issuing(), NOW.minus(1, ChronoUnit.DAYS),
                NOW.plus(7, ChronoUnit.DAYS), NOW.minus(2, ChronoUnit.HOURS), leaf.cert()));
        CertificateValidator.Validation v = validator(crls).validate(leaf.cert(), leaf.chain(), NOW, NOW);

        assertThat(outcome(v)).isEqualTo("CERT_REVOKED");
        assertThat(v.failure().check()).isEqualTo(CertificateValidator.REVOCATION);
        assertThat(v.failure().refusal()).isEqualTo(CertificateValidator.Refusal.CERT_REVOKED);
    }

    @Test
    void anExpiredCertificateIsRefusedAsExpired() {
        TestPki.Leaf leaf = pki.leaf().keySlot(62).validity(NOW.minus(30, ChronoUnit.DAYS),
                NOW.minus(1, ChronoUnit.DAYS)).build();

        assertThat(outcome(validator(pki.freshCrls(NOW)).validate(leaf.cert(), leaf.chain(), NOW, NOW)))
                .isEqualTo("CERT_EXPIRED");
    }

    @Test
    void aSelfSignedCertificateClaimingAUsccIsUntrusted() {
        TestPki.Leaf leaf = pki.leaf().keySlot(63).selfSigned().build();

        CertificateValidator.Validation v = validator(pki.freshCrls(NOW)).validate(leaf.cert(), List.of(), NOW, NOW);
        assertThat(outcome(v)).isEqualTo("SELF_SIGNED_SIGNER");
        assertThat(v.failure().refusal()).isEqualTo(CertificateValidator.Refusal.CERT_UNTRUSTED);
    }

    @Test
    void aCertificateOfAnotherPkiHasNoChain() {
        TestPki.Leaf stranger = TestPki.other(TestPki.KeyAlg.EC).leaf().keySlot(64).build();

        assertThat(outcome(validator(pki.freshCrls(NOW)).validate(stranger.cert(), stranger.chain(), NOW, NOW)))
                .isEqualTo("CHAIN_UNTRUSTED");
    }

    @Test
    void withoutACurrentCrlRevocationIsUnknownAndTheCertificateRefused() {
        TestPki.Leaf leaf = pki.leaf().keySlot(65).build();

        assertThat(outcome(validator(pki.freshCrls(NOW.minus(30, ChronoUnit.DAYS)))
                .validate(leaf.cert(), leaf.chain(), NOW, NOW))).isEqualTo("CRL_STALE");
        assertThat(outcome(validator(List.of()).validate(leaf.cert(), leaf.chain(), NOW, NOW)))
                .isEqualTo("REVOCATION_UNAVAILABLE");
    }
}
