package org.minedecl.shared.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.shared.delegation.Delegation;
import org.minedecl.shared.delegation.DelegationDocument;
import org.minedecl.shared.testpki.TestPki;

/**
 * Delegation packages (CONTRACTS section 8) are written and verified by the one package writer and verifier, with
 * delegation.json in place of declaration.json; and a consultant's signature on a declaration needs a live SIGN
 * delegation at the signing time and at receipt.
 */
class DelegationPackageTest {
    static final String CONSULTANT = "91140500MA0L3C8D5K";
    static final Instant NOW = TestPki.NOW;
    @TempDir
    Path tmp;
    final TestPki pki = TestPki.get(TestPki.KeyAlg.EC);

    static Delegation example() {
        return new Delegation(new Delegation.Party(TestPki.EXAMPLE_USCC, "泽州县金岭建材矿业有限公司"),
                new Delegation.Party(CONSULTANT, "晋城市矿安咨询有限公司"),
                Set.of(Delegation.Scope.PREPARE, Delegation.Scope.SIGN), List.of("C1405252009127130048622"),
                LocalDate.parse("2026-10-01"), LocalDate.parse("2027-09-30"));
    }

    Path write(byte[] json, TestPki.Leaf signer, String name) throws Exception {
        Path out = tmp.resolve(name);
        new PackageWriter(Clock.fixed(TestPki.SIGNING_TIME, ZoneOffset.UTC)).write(SignedDocument.DELEGATION, json,
                List.of(), signer.credential(), null, out, null);
        return out;
    }

    static String outcome(VerificationReport r) {
        return r.firstFailure().map(CheckResult::code).orElse("VALID");
    }

    PackageVerifier verifier() {
        return new PackageVerifier(pki.policy(NOW), DelegationRegistry.NONE, SignedDocument.DELEGATION);
    }

    @Test
    void theContractsExampleRoundTripsAndItsPackageSignedByTheEnterpriseVerifies() throws Exception {
        byte[] json = Files.readAllBytes(Path.of(getClass().getResource(
                "/examples/delegation-zezhou-to-consultant.json").toURI()));
        DelegationDocument.Parsed parsed = DelegationDocument.parse(json);
        assertThat(parsed.problem()).isNull();
        assertThat(parsed.delegation()).isEqualTo(example());
        assertThat(DelegationDocument.parse(DelegationDocument.write(example())).delegation()).isEqualTo(example());

        VerificationReport r = verifier().verify(write(json, pki.leaf().keySlot(50).build(), "grant.asice"));

        assertThat(outcome(r)).isEqualTo("VALID");
        assertThat(r.checks()).extracting(CheckResult::check).contains("delegation.document", "signer.uscc",
                "cert.revocation");
        assertThat(new String(r.declarationBytes(), StandardCharsets.UTF_8)).contains("delegation/1");
    }

    @Test
    void aDelegationSignedByTheConsultantIsASignerMismatch() throws Exception {
        TestPki.Leaf consultant = pki.leaf().keySlot(51).uscc(CONSULTANT, TestPki.UsccPlacement.ORGANIZATION_IDENTIFIER)
                .build();

        assertThat(outcome(verifier().verify(write(DelegationDocument.write(example()), consultant, "c.asice"))))
                .isEqualTo("SIGNER_MISMATCH");
    }

    @Test
    void aMalformedDelegationAndADeclarationPackageAreRefusedWithTheirCodes() throws Exception {
        byte[] selfDelegation = new String(DelegationDocument.write(example()), StandardCharsets.UTF_8)
                .replace(CONSULTANT, TestPki.EXAMPLE_USCC).getBytes(StandardCharsets.UTF_8);
        TestPki.Leaf leaf = pki.leaf().keySlot(52).build();

        assertThat(outcome(verifier().verify(write(selfDelegation, leaf, "self.asice")))).isEqualTo("DELEGATION_INVALID");
        assertThat(outcome(verifier().verify(pki.examplePackage(tmp.resolve("decl.asice"), leaf))))
                .isEqualTo("DELEGATION_MISSING");
        assertThat(DelegationDocument.parse("{\"schema\":\"delegation/1\"}".getBytes(StandardCharsets.UTF_8))
                .problem()).contains("enterprise and consultant");
        assertThat(DelegationDocument.parse(new String(DelegationDocument.write(example()), StandardCharsets.UTF_8)
                .replace("\"2026-10-01\"", "\"2028-01-01\"").getBytes(StandardCharsets.UTF_8)).problem())
                .isEqualTo("validTo is before validFrom");
    }

    @Test
    void aConsultantSignsADeclarationOnlyUnderALiveSignDelegationAtSigningAndAtReceipt() throws Exception {
        TestPki.Leaf consultant = pki.leaf().keySlot(53).uscc(CONSULTANT, TestPki.UsccPlacement.ORGANIZATION_IDENTIFIER)
                .build();
        Path pkg = pki.examplePackage(tmp.resolve("by-consultant.asice"), consultant);
        String licence = "C1405252009127130048622";
        DelegationRegistry always = (e, c, l, at) -> e.equals(TestPki.EXAMPLE_USCC) && c.equals(CONSULTANT)
                && l.equals(licence);
        DelegationRegistry onlyAtSigning = new DelegationRegistry() {
            @Override
            public boolean maySign(String e, String c, String l, Instant at) {
                return at.isBefore(NOW);
            }

            @Override
            public boolean known(String e, String c) {
                return true;
            }
        };

        assertThat(outcome(new PackageVerifier(pki.policy(NOW), always).verify(pkg))).isEqualTo("VALID");
        VerificationReport revoked = new PackageVerifier(pki.policy(NOW), onlyAtSigning).verify(pkg);
        assertThat(outcome(revoked)).isEqualTo("CONSULTANT_NOT_DELEGATED");
        assertThat(revoked.firstFailure().orElseThrow().category()).isEqualTo("SIGNER_NOT_DELEGATED");
        assertThat(revoked.firstFailure().orElseThrow().detail()).contains("at receipt");
        assertThat(outcome(new PackageVerifier(pki.policy(NOW)).verify(pkg))).isEqualTo("SIGNER_MISMATCH");
    }
}
