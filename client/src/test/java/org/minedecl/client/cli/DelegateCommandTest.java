package org.minedecl.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.shared.delegation.Delegation;
import org.minedecl.shared.delegation.DelegationDocument;
import org.minedecl.shared.pkg.CheckResult;
import org.minedecl.shared.pkg.DelegationRegistry;
import org.minedecl.shared.pkg.PackageVerifier;
import org.minedecl.shared.pkg.SignedDocument;
import org.minedecl.shared.pkg.VerificationReport;
import org.minedecl.shared.testpki.TestPki;

/** {@code minedecl delegate} writes a delegation package the one verifier accepts as the enterprise's. */
class DelegateCommandTest {
    @TempDir
    Path dir;
    final TestPki pki = TestPki.get(TestPki.KeyAlg.EC);

    @Test
    void theEnterpriseSignsADelegationForOneLicenceWithTheSignScope() throws Exception {
        Path ks = pki.leaf().keySlot(92).build().writePkcs12(dir.resolve("e.p12"), "pw".toCharArray());
        Path pass = Files.writeString(dir.resolve("pass"), "pw\n");
        Path out = dir.resolve("grant.asice");

        CliRun r = CliRun.of("delegate", "--consultant-uscc", "91140500MA0L3C8D5K", "--consultant-name",
                "晋城市矿安咨询有限公司", "--scope", "PREPARE,SIGN", "--licence", "C1405252009127130048622",
                "--valid-from", "2026-10-01", "--valid-to", "2027-09-30", "--keystore", ks.toString(),
                "--storepass-file", pass.toString(), "-o", out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        VerificationReport v = new PackageVerifier(pki.policy(Instant.now()), DelegationRegistry.NONE,
                SignedDocument.DELEGATION).verify(out);
        assertThat(v.firstFailure().map(CheckResult::code).orElse("VALID")).isEqualTo("VALID");
        Delegation d = DelegationDocument.parse(v.declarationBytes()).delegation();
        assertThat(d.enterprise().uscc()).isEqualTo(TestPki.EXAMPLE_USCC);
        assertThat(d.scope()).containsExactlyInAnyOrder(Delegation.Scope.PREPARE, Delegation.Scope.SIGN);
        assertThat(d.miningLicences()).containsExactly("C1405252009127130048622");
    }

    @Test
    void aDelegationEndingBeforeItStartsIsRefusedAndNothingIsWritten() throws Exception {
        Path ks = pki.leaf().keySlot(92).build().writePkcs12(dir.resolve("e.p12"), "pw".toCharArray());
        Path pass = Files.writeString(dir.resolve("pass"), "pw\n");
        Path out = dir.resolve("grant.asice");

        CliRun r = CliRun.of("delegate", "--consultant-uscc", "91140500MA0L3C8D5K", "--consultant-name", "x",
                "--valid-from", "2027-10-01", "--valid-to", "2027-09-30", "--keystore", ks.toString(),
                "--storepass-file", pass.toString(), "-o", out.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("validTo is before validFrom");
        assertThat(out).doesNotExist();
    }
}
