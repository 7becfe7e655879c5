package org.minedecl.shared.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minedecl.shared.pkg.PackageVerifier;
import org.minedecl.shared.pkg.PackageWriter;
import org.minedecl.shared.pkg.VerificationReport;
import org.minedecl.shared.testpki.SoftHsmToken;
import org.minedecl.shared.testpki.TestPki;

/**
 * Signing with a key on a real PKCS#11 token: SoftHSM2 through the JDK's SunPKCS11. The token lives under
 * {@code target/softhsm} ({@code SOFTHSM2_CONF} is set by the surefire configuration, because the library reads
 * it inside this JVM). SoftHSM2 is installed with apt-get when missing; the test skips, saying why, only when
 * that is impossible.
 */
@Tag("softhsm")
class SoftHsmSignerTest {
    private static final String PIN = SoftHsmToken.PIN;
    private static Path config;
    /** A second token nobody has logged in to in this JVM (PKCS#11 login state is per process and token). */
    private static Path untouched;
    private static Path dir;

    @BeforeAll
    static void token() throws Exception {
        SoftHsmToken token = SoftHsmToken.create();
        config = token.config();
        untouched = token.untouched();
        dir = config.getParent();
        token.put(java.util.Map.of("ec", TestPki.get(TestPki.KeyAlg.EC).leaf().build(),
                "rsa", TestPki.get(TestPki.KeyAlg.RSA).leaf().build()));
    }

    private void signsAndVerifies(String alias, TestPki.KeyAlg alg) throws Exception {
        SigningCredential cred = new SignerSource.Pkcs11Token(config, PIN.toCharArray(), alias).open();
        assertThat(cred.provider().getName()).startsWith("SunPKCS11");
        Path out = dir.resolve(alias + ".asice");
        Path atts = dir.resolve(alias + "-attachments");
        new PackageWriter(Clock.fixed(TestPki.SIGNING_TIME, ZoneOffset.UTC)).write(TestPki.exampleDeclaration(),
                TestPki.exampleAttachments(atts), cred, null, out, null);
        VerificationReport r = new PackageVerifier(TestPki.get(alg).policy(TestPki.NOW)).verify(out);
        assertThat(r.firstFailure()).isEmpty();
        assertThat(r.signer()).isEqualTo(cred.certificate());
    }

    @Test
    void anEcKeyOnASoftHsmTokenSignsAPackageThatVerifies() throws Exception {
        signsAndVerifies("ec", TestPki.KeyAlg.EC);
    }

    @Test
    void anRsaKeyOnASoftHsmTokenSignsAPackageThatVerifies() throws Exception {
        signsAndVerifies("rsa", TestPki.KeyAlg.RSA);
    }

    @Test
    void aWrongPinIsReportedAsOneReadableLine() {
        assertThatThrownBy(() -> new SignerSource.Pkcs11Token(untouched, "000000".toCharArray(), "ec").open())
                .isInstanceOf(SignerException.class).hasMessageContaining("cannot open PKCS#11 token");
    }

    @Test
    void aMissingAliasIsNamed() {
        assertThatThrownBy(() -> new SignerSource.Pkcs11Token(config, PIN.toCharArray(), "nope").open())
                .isInstanceOf(SignerException.class).hasMessageContaining("no key named 'nope'");
    }
}
