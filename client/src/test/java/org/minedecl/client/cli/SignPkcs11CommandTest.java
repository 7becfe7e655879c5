package org.minedecl.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minedecl.shared.pkg.PackageAttachment;
import org.minedecl.client.testsupport.SharedSoftHsm;
import org.minedecl.shared.testpki.SoftHsmToken;
import org.minedecl.shared.testpki.TestPki;

/** {@code minedecl sign --pkcs11} with the enterprise key on a real token (SoftHSM2), then {@code verify}. */
@Tag("softhsm")
class SignPkcs11CommandTest {
    private static SoftHsmToken token;
    private static Path dir;
    private static final TestPki PKI = TestPki.get(TestPki.KeyAlg.EC);

    @BeforeAll
    static void tokenWithTheEnterpriseKey() throws Exception {
        token = SharedSoftHsm.get();
        dir = Files.createDirectories(token.config().getParent().resolve("cli"));
    }

    private static String[] signArgs(Path config, Path pin, Path out) throws Exception {
        Path declaration = Files.write(dir.resolve("declaration.json"), TestPki.exampleDeclaration());
        List<PackageAttachment> attachments = TestPki.exampleAttachments(dir.resolve("attachments"));
        return new String[] {"sign", declaration.toString(), "--pkcs11", config.toString(), "--alias", "enterprise",
            "--storepass-file", pin.toString(), "--attach", attachments.get(0).file().toString(), "--attach",
            attachments.get(1).file().toString(), "--as-of", "2026-10-10", "-o", out.toString()};
    }

    @Test
    void signWithATokenMakesAPackageThatVerifiesAgainstTheRoot() throws Exception {
        Path pin = Files.writeString(dir.resolve("pin"), token.pin() + "\n");
        Path out = dir.resolve("q3.asice");

        CliRun sign = CliRun.of(signArgs(token.config(), pin, out));

        assertThat(sign.exit()).as(sign.err()).isEqualTo(0);
        assertThat(sign.out()).contains("signed " + out).contains("SHA256withECDSA");
        Path root = TestPki.writePem(dir.resolve("root.pem"), PKI.root().cert());
        List<X509CRL> crls = PKI.freshCrls(Instant.now());
        Path crl1 = TestPki.writePem(dir.resolve("root.crl"), crls.get(0));
        Path crl2 = TestPki.writePem(dir.resolve("issuing.crl"), crls.get(1));
        CliRun verify = CliRun.of("verify", out.toString(), "--trust", root.toString(), "--crl", crl1.toString(),
                "--crl", crl2.toString(), "--lang", "en");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isEqualTo(0);
        assertThat(verify.out()).contains("package valid");
    }

    @Test
    void aWrongPinIsOneReadableLineAndNoPackage() throws Exception {
        Path pin = Files.writeString(dir.resolve("wrong-pin"), "000000\n");
        Path out = dir.resolve("not-written.asice");

        CliRun sign = CliRun.of(signArgs(token.untouched(), pin, out));

        assertThat(sign.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(sign.err().strip()).startsWith("minedecl sign: ").contains("PKCS#11").doesNotContain("\tat ");
        assertThat(sign.err().strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }
}
