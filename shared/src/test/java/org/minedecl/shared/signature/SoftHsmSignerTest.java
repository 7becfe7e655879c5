package org.minedecl.shared.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minedecl.shared.pkg.PackageVerifier;
import org.minedecl.shared.pkg.PackageWriter;
import org.minedecl.shared.pkg.VerificationReport;
import org.minedecl.shared.testpki.TestPki;

/**
 * Signing with a key on a real PKCS#11 token: SoftHSM2 through the JDK's SunPKCS11. The token lives under
 * {@code target/softhsm} ({@code SOFTHSM2_CONF} is set by the surefire configuration, because the library reads
 * it inside this JVM). SoftHSM2 is installed with apt-get when missing; the test skips, saying why, only when
 * that is impossible.
 */
@Tag("softhsm")
class SoftHsmSignerTest {
    private static final String PIN = "314159";
    private static Path config;
    /** A second token nobody has logged in to in this JVM (PKCS#11 login state is per process and token). */
    private static Path untouched;
    private static Path dir;

    @BeforeAll
    static void token() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        Assumptions.assumeTrue(conf != null, () -> skip("SOFTHSM2_CONF is not set (run through Maven)"));
        if (!onPath("softhsm2-util")) {
            run(List.of("sh", "-c", "(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
                    + "softhsm2) >/dev/null 2>&1"), 600);
        }
        Assumptions.assumeTrue(onPath("softhsm2-util"), () -> skip("softhsm2-util is not installed and "
                + "apt-get install softhsm2 did not work here"));
        Path lib = Libraries.first("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so");
        Assumptions.assumeTrue(lib != null, () -> skip("libsofthsm2.so not found"));
        dir = Path.of(conf).getParent();
        Path tokens = dir.resolve("tokens-" + ProcessHandle.current().pid());
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\n");
        String out = run(List.of("softhsm2-util", "--init-token", "--free", "--label", "minedecl-test", "--pin", PIN,
                "--so-pin", "27182818"), 60);
        Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        config = Files.writeString(dir.resolve("pkcs11.cfg"), "name = SoftHSM\nlibrary = " + lib + "\nslot = "
                + m.group(1) + "\n");
        String out2 = run(List.of("softhsm2-util", "--init-token", "--free", "--label", "minedecl-test-2", "--pin",
                PIN, "--so-pin", "27182818"), 60);
        Matcher m2 = Pattern.compile("reassigned to slot (\\d+)").matcher(out2);
        assertThat(m2.find()).as(out2).isTrue();
        untouched = Files.writeString(dir.resolve("pkcs11-2.cfg"), "name = SoftHSM2\nlibrary = " + lib
                + "\nslot = " + m2.group(1) + "\n");
        // put an EC and an RSA key with their chains on the token, as a CA's enrolment tool would
        Provider p = Security.getProvider("SunPKCS11").configure(config.toString());
        KeyStore ks = KeyStore.getInstance("PKCS11", p);
        ks.load(null, PIN.toCharArray());
        for (TestPki.KeyAlg alg : new TestPki.KeyAlg[] {TestPki.KeyAlg.EC, TestPki.KeyAlg.RSA}) {
            TestPki.Leaf leaf = TestPki.get(alg).leaf().build();
            ks.setKeyEntry(alg.name().toLowerCase(), leaf.key(), null, leaf.chain().toArray(new Certificate[0]));
        }
    }

    private static final class Libraries {
        static Path first(String... candidates) {
            for (String c : candidates) {
                if (Files.exists(Path.of(c))) {
                    return Path.of(c);
                }
            }
            return null;
        }
    }

    private static String skip(String why) {
        String s = "SoftHSM2 PKCS#11 test skipped: " + why;
        System.out.println(s);
        return s;
    }

    private static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    private static String run(List<String> cmd, int seconds) throws Exception {
        Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean done = pr.waitFor(seconds, TimeUnit.SECONDS);
        String out = new String(pr.getInputStream().readAllBytes());
        if (!done) {
            pr.destroyForcibly();
        }
        return out;
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
