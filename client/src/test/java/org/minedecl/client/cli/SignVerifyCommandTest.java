package org.minedecl.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.shared.testpki.TestPki;

/** CLI tests of {@code sign} and {@code verify}: the "done when" cases of the signed-package issue. */
class SignVerifyCommandTest {
    @TempDir
    Path tmp;

    private final TestPki pki = TestPki.get(TestPki.KeyAlg.EC);
    private final Instant now = Instant.now();
    private Path decl;
    private Path licence;
    private Path slip;
    private Path ca;
    private Path crl;
    private Path pass;

    @BeforeEach
    void files() throws Exception {
        decl = Files.write(tmp.resolve("declaration.json"), TestPki.exampleDeclaration());
        licence = Files.writeString(tmp.resolve("mining-licence.pdf"), "%PDF-1.4 licence");
        slip = Files.writeString(tmp.resolve("fund-deposit-2026Q3.pdf"), "%PDF-1.4 slip");
        ca = TestPki.writePem(tmp.resolve("ca.pem"), pki.root().cert());
        crl = writeCrls("crl.pem", pki.freshCrls(now));
        pass = Files.writeString(tmp.resolve("pass.txt"), "s3cret pass\n");
    }

    private Path writeCrls(String name, List<X509CRL> crls) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (X509CRL c : crls) {
            sb.append(TestPki.pem(c));
        }
        return Files.writeString(tmp.resolve(name), sb.toString());
    }

    private Path keystore(TestPki.Leaf leaf) throws Exception {
        return leaf.writePkcs12(tmp.resolve("ks-" + System.nanoTime() + ".p12"), "s3cret pass".toCharArray());
    }

    private CliRun sign(Path ks, Path out) {
        return CliRun.of("sign", decl.toString(), "--keystore", ks.toString(), "--storepass-file", pass.toString(),
                "--attach", licence.toString(), "--attach", slip.toString(), "--as-of", "2026-10-10", "-o",
                out.toString());
    }

    private CliRun verify(Path pkg, String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", pkg.toString(), "--trust", ca.toString(), "--crl",
                crl.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(new String[0]));
    }

    private Path signed(TestPki.Leaf leaf) throws Exception {
        Path out = tmp.resolve("p-" + System.nanoTime() + ".asice");
        CliRun r = sign(keystore(leaf), out);
        assertThat(r.exit()).as(r.err()).isZero();
        return out;
    }

    @Test
    void aSignedPackageVerifiesWithExitZeroAndEveryCheckListed() throws Exception {
        Path pkg = signed(pki.leaf().build());
        CliRun r = verify(pkg);
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("PASS cms.signature", "PASS signer.uscc", "package valid");
    }

    @Test
    void aOneByteChangeAnywhereMakesVerifyExitThreeNamingTheCheck() throws Exception {
        Path pkg = signed(pki.leaf().build());
        byte[] good = Files.readAllBytes(pkg);
        for (int i : new int[] {0, 40, good.length / 3, good.length / 2, good.length - 200, good.length - 1}) {
            byte[] b = good.clone();
            b[i] ^= 0x01;
            Path bad = Files.write(tmp.resolve("bad" + i + ".asice"), b);
            CliRun r = verify(bad);
            assertThat(r.exit()).as("byte %d", i).isEqualTo(ExitCodes.PACKAGE_INVALID);
            assertThat(r.err()).startsWith("minedecl verify: package invalid: ").contains(" failed with ");
            assertThat(r.err().strip().lines()).hasSize(1);
        }
    }

    @Test
    void anUntrustedRootMakesVerifyExitThreeWithChainUntrusted() throws Exception {
        TestPki other = TestPki.other(TestPki.KeyAlg.EC);
        crl = writeCrls("crl-other.pem", other.freshCrls(now));
        Path pkg = signed(other.leaf().build());
        CliRun r = verify(pkg);
        assertThat(r.exit()).isEqualTo(ExitCodes.PACKAGE_INVALID);
        assertThat(r.err()).contains("cert.chain failed with CHAIN_UNTRUSTED (CERT_UNTRUSTED)");
    }

    @Test
    void aRevokedCertificateMakesVerifyExitThreeWithCertRevoked() throws Exception {
        TestPki.Leaf leaf = pki.leaf().build();
        Instant at = now;
        crl = writeCrls("crl-revoked.pem", List.of(
                pki.crl(pki.root(), at.minus(1, ChronoUnit.DAYS), at.plus(7, ChronoUnit.DAYS), at),
                pki.crl(pki.issuing(), at.minus(1, ChronoUnit.DAYS), at.plus(7, ChronoUnit.DAYS),
                        at.minus(2, ChronoUnit.DAYS), leaf.cert())));
        Path pkg = signed(leaf);
        CliRun r = verify(pkg);
        assertThat(r.exit()).isEqualTo(ExitCodes.PACKAGE_INVALID);
        assertThat(r.err()).contains("cert.revocation failed with CERT_REVOKED (CERT_REVOKED)");
    }

    @Test
    void anExpiredCertificateMakesVerifyExitThreeWithCertExpired() throws Exception {
        Path pkg = signed(pki.leaf().validity(Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:00:00Z")).build());
        CliRun r = verify(pkg);
        assertThat(r.exit()).isEqualTo(ExitCodes.PACKAGE_INVALID);
        assertThat(r.err()).contains("cert.validity failed with CERT_EXPIRED (CERT_EXPIRED)");
    }

    @Test
    void aCertificateForAnotherEnterpriseMakesVerifyExitThreeWithSignerMismatch() throws Exception {
        String other = "91110000" + "100000000" ;
        other = other.substring(0, 17);
        other = other + org.minedecl.shared.declaration.Uscc.checkCharacter(other);
        Path pkg = signed(pki.leaf().uscc(other, TestPki.UsccPlacement.ORGANIZATION_IDENTIFIER).build());
        CliRun r = verify(pkg);
        assertThat(r.exit()).isEqualTo(ExitCodes.PACKAGE_INVALID);
        assertThat(r.err()).contains("signer.uscc failed with SIGNER_MISMATCH (SIGNER_MISMATCH)");
    }

    @Test
    void verifyJsonNamesTheFailingCheckAndCode() throws Exception {
        TestPki other = TestPki.other(TestPki.KeyAlg.EC);
        Path pkg = signed(other.leaf().build());
        CliRun r = verify(pkg, "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCodes.PACKAGE_INVALID);
        assertThat(r.out()).contains("\"valid\" : false", "\"code\" : \"CHAIN_UNTRUSTED\"");
    }

    @Test
    void signRefusesWithExitOneWhenTheAttachmentsDoNotMatchTheDeclaration() throws Exception {
        Path out = tmp.resolve("x.asice");
        CliRun r = CliRun.of("sign", decl.toString(), "--keystore", keystore(pki.leaf().build()).toString(),
                "--storepass-file", pass.toString(), "--attach", licence.toString(), "--as-of", "2026-10-10",
                "-o", out.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.DECLARATION_ERRORS);
        assertThat(r.err()).contains("declared but not attached: attachments/fund-deposit-2026Q3.pdf");
        assertThat(out).doesNotExist();
    }

    @Test
    void signRefusesWithExitOneWhenTheDeclarationHasErrors() throws Exception {
        String broken = new String(TestPki.exampleDeclaration(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"91140525MA0JX7RP19\"", "\"91140525MA0JX7RP10\"");
        Files.writeString(decl, broken);
        Path out = tmp.resolve("x.asice");
        CliRun r = sign(keystore(pki.leaf().build()), out);
        assertThat(r.exit()).isEqualTo(ExitCodes.DECLARATION_ERRORS);
        assertThat(r.out()).contains("ERROR");
        assertThat(out).doesNotExist();
    }

    @Test
    void signWithAWrongPasswordIsAUsageErrorAndWritesNothing() throws Exception {
        Path ks = keystore(pki.leaf().build());
        Files.writeString(pass, "wrong\n");
        Path out = tmp.resolve("x.asice");
        CliRun r = sign(ks, out);
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
        try (var s = Files.list(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void signReadsThePasswordFromAnEnvironmentVariableNameNotAnArgument() throws Exception {
        CliRun r = CliRun.of("sign", decl.toString(), "--keystore", keystore(pki.leaf().build()).toString(),
                "--storepass-env", "MINEDECL_TEST_UNSET_VARIABLE", "--attach", licence.toString(), "--attach",
                slip.toString(), "--as-of", "2026-10-10", "-o", tmp.resolve("x.asice").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("environment variable MINEDECL_TEST_UNSET_VARIABLE is not set");
    }

    @Test
    void keygenThenSignThenVerifyWorksEndToEnd() throws Exception {
        Path dir = tmp.resolve("pki");
        CliRun k = CliRun.of("keygen", "--out", dir.toString(), "--alg", "SM2", "--uscc", TestPki.EXAMPLE_USCC,
                "--name", "泽州县金岭建材矿业有限公司");
        assertThat(k.exit()).as(k.err()).isZero();
        assertThat(k.out()).contains("enterprise.p12", "enterprise.pass");
        Path out = tmp.resolve("k.asice");
        CliRun s = CliRun.of("sign", decl.toString(), "--keystore", dir.resolve("enterprise.p12").toString(),
                "--storepass-file", dir.resolve("enterprise.pass").toString(), "--attach", licence.toString(),
                "--attach", slip.toString(), "--as-of", "2026-10-10", "-o", out.toString());
        assertThat(s.exit()).as(s.err()).isZero();
        CliRun v = CliRun.of("verify", out.toString(), "--trust", dir.resolve("ca.pem").toString(), "--crl",
                dir.resolve("ca.crl").toString());
        assertThat(v.out()).contains("PASS signer.uscc", "package valid");
        assertThat(v.exit()).as(v.err()).isIn(ExitCodes.OK, ExitCodes.DECLARATION_ERRORS);
    }

    @Test
    void verifyWithoutTrustIsAUsageError() {
        CliRun r = CliRun.of("verify", decl.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    }
}
