package org.minedecl.shared.testpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Real PKCS#11 tokens for tests: SoftHSM2 (installed with apt-get when missing) with tokens under the folder of
 * {@code SOFTHSM2_CONF}, which the surefire configuration points into {@code target/softhsm} (the library reads it
 * inside the test JVM). Where SoftHSM2 cannot be had, the calling test is skipped with the reason printed.
 *
 * @param config    SunPKCS11 configuration of a token to put keys on and sign with
 * @param untouched configuration of a second token that nobody has logged in to (login state is per process)
 * @param third     configuration of a third token, for keys with other attributes (e.g. keys that demand the PIN
 *                  for every signature, CKA_ALWAYS_AUTHENTICATE)
 * @param pin       the user PIN of all three
 */
public record SoftHsmToken(Path config, Path untouched, Path third, String pin) {
    public static final String PIN = "314159";

    /** Three fresh tokens, or the test is skipped saying why. */
    public static SoftHsmToken create() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        Assumptions.assumeTrue(conf != null, () -> skip("SOFTHSM2_CONF is not set (run through Maven)"));
        if (!onPath("softhsm2-util")) {
            run(List.of("sh", "-c", "(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "
                    + "softhsm2) >/dev/null 2>&1"), 600);
        }
        Assumptions.assumeTrue(onPath("softhsm2-util"), () -> skip("softhsm2-util is not installed and "
                + "apt-get install softhsm2 did not work here"));
        Path lib = first("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so");
        Assumptions.assumeTrue(lib != null, () -> skip("libsofthsm2.so not found"));
        Path dir = Files.createDirectories(Path.of(conf).getParent());
        Path tokens = Files.createDirectories(dir.resolve("tokens-" + ProcessHandle.current().pid()));
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\n");
        return new SoftHsmToken(token(dir, lib, "minedecl-test", "pkcs11.cfg"),
                token(dir, lib, "minedecl-test-2", "pkcs11-2.cfg"), token(dir, lib, "minedecl-always", "pkcs11-3.cfg"),
                PIN);
    }

    /**
     * Stores each leaf's key and chain on the token under its alias, as a CA's enrolment tool would (one login:
     * call once).
     */
    public void put(java.util.Map<String, TestPki.Leaf> entries) throws Exception {
        put(config, entries);
    }

    /** Stores each leaf's key and chain on the token of {@code tokenConfig} (one login: call once per token). */
    public void put(Path tokenConfig, java.util.Map<String, TestPki.Leaf> entries) throws Exception {
        Provider p = Security.getProvider("SunPKCS11").configure(tokenConfig.toString());
        KeyStore ks = KeyStore.getInstance("PKCS11", p);
        ks.load(null, pin.toCharArray());
        for (var e : entries.entrySet()) {
            ks.setKeyEntry(e.getKey(), e.getValue().key(), null, e.getValue().chain().toArray(new Certificate[0]));
        }
    }

    private static Path token(Path dir, Path lib, String label, String cfg) throws Exception {
        String out = run(List.of("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN,
                "--so-pin", "27182818"), 60);
        Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Files.writeString(dir.resolve(cfg), "name = " + label.replace("-", "") + "\nlibrary = " + lib
                + "\nslot = " + m.group(1) + "\n");
    }

    private static Path first(String... candidates) {
        for (String c : candidates) {
            if (Files.exists(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
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
}
