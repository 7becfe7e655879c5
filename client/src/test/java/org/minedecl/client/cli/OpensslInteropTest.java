package org.minedecl.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.minedecl.shared.testpki.TestPki;

/**
 * Interoperability with plain OpenSSL: OpenSSL makes the CA, the enterprise key and certificate, the PKCS#12
 * and the CRL; {@code minedecl sign} signs with them; {@code openssl cms -verify} checks the extracted manifest
 * and signature, and {@code minedecl verify} checks the whole package.
 */
@Tag("openssl")
class OpensslInteropTest {
    @TempDir
    Path tmp;

    private String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "EC"})
    void packagesSignedWithOpensslMadeCertificatesVerifyWithOpensslCmsAndMinedecl(String alg) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")) || onPath(),
                () -> {
                    System.out.println("openssl interop test skipped: no openssl on PATH");
                    return "no openssl";
                });
        String keyOpt = alg.equals("RSA") ? "rsa_keygen_bits:2048" : "ec_paramgen_curve:P-256";
        String algName = alg.equals("RSA") ? "RSA" : "EC";
        run("openssl", "genpkey", "-algorithm", algName, "-pkeyopt", keyOpt, "-out", "ca.key");
        run("openssl", "req", "-x509", "-new", "-key", "ca.key", "-sha256", "-days", "3650", "-subj",
                "/C=CN/O=OpenSSL Interop CA/CN=OpenSSL Interop Root", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", "ca.pem");
        run("openssl", "genpkey", "-algorithm", algName, "-pkeyopt", keyOpt, "-out", "ee.key");
        run("openssl", "req", "-new", "-key", "ee.key", "-subj", "/C=CN/O=Zezhou Jinling/organizationIdentifier=NTRCN-"
                + TestPki.EXAMPLE_USCC + "/CN=Zezhou Jinling", "-out", "ee.csr");
        Files.writeString(tmp.resolve("ee.ext"), "basicConstraints=critical,CA:FALSE\n"
                + "keyUsage=critical,digitalSignature,nonRepudiation\n");
        run("openssl", "x509", "-req", "-in", "ee.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "730", "-sha256", "-extfile", "ee.ext", "-out", "ee.pem");
        Files.writeString(tmp.resolve("p12.pass"), "interop-pass\n");
        run("openssl", "pkcs12", "-export", "-inkey", "ee.key", "-in", "ee.pem", "-certfile", "ca.pem", "-name",
                "enterprise", "-passout", "file:p12.pass", "-out", "ee.p12");
        // a CRL from OpenSSL's own CA tooling
        Files.createDirectories(tmp.resolve("db"));
        Files.writeString(tmp.resolve("db/index.txt"), "");
        Files.writeString(tmp.resolve("db/crlnumber"), "01\n");
        Files.writeString(tmp.resolve("ca.cnf"), "[ca]\ndefault_ca = d\n[d]\ndatabase = db/index.txt\n"
                + "crlnumber = db/crlnumber\ndefault_md = sha256\ndefault_crl_days = 7\n");
        run("openssl", "ca", "-gencrl", "-config", "ca.cnf", "-keyfile", "ca.key", "-cert", "ca.pem", "-out", "crl.pem");

        Path decl = Files.write(tmp.resolve("declaration.json"), TestPki.exampleDeclaration());
        Path a1 = Files.writeString(tmp.resolve("mining-licence.pdf"), "%PDF-1.4 licence");
        Path a2 = Files.writeString(tmp.resolve("fund-deposit-2026Q3.pdf"), "%PDF-1.4 slip");
        Path pkg = tmp.resolve("interop.asice");
        CliRun s = CliRun.of("sign", decl.toString(), "--keystore", tmp.resolve("ee.p12").toString(),
                "--storepass-file", tmp.resolve("p12.pass").toString(), "--attach", a1.toString(), "--attach",
                a2.toString(), "--as-of", "2026-10-10", "-o", pkg.toString());
        assertThat(s.exit()).as(s.err()).isZero();

        Files.createDirectories(tmp.resolve("x/META-INF"));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(pkg))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().startsWith("META-INF/")) {
                    Files.write(tmp.resolve("x").resolve(e.getName()), in.readAllBytes());
                }
            }
        }
        String out = run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "x/META-INF/signature.p7s",
                "-content", "x/META-INF/ASiCManifest.xml", "-CAfile", "ca.pem", "-out", "/dev/null");
        assertThat(out).contains("Verification successful");

        CliRun v = CliRun.of("verify", pkg.toString(), "--trust", tmp.resolve("ca.pem").toString(), "--crl",
                tmp.resolve("crl.pem").toString());
        assertThat(v.out()).contains("PASS cms.signature", "PASS cert.revocation", "PASS signer.uscc");
        assertThat(v.exit()).as(v.err()).isIn(ExitCodes.OK, ExitCodes.DECLARATION_ERRORS);
        assertThat(v.out()).contains("package valid");

        // and a tampered manifest fails in OpenSSL too
        byte[] m = Files.readAllBytes(tmp.resolve("x/META-INF/ASiCManifest.xml"));
        m[m.length / 2] ^= 1;
        Files.write(tmp.resolve("x/META-INF/ASiCManifest.xml"), m);
        Process p = new ProcessBuilder(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                "x/META-INF/signature.p7s", "-content", "x/META-INF/ASiCManifest.xml", "-CAfile", "ca.pem", "-out",
                "/dev/null")).directory(tmp.toFile()).redirectErrorStream(true).start();
        p.waitFor(60, TimeUnit.SECONDS);
        assertThat(p.exitValue()).isNotZero();
    }

    private static boolean onPath() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        return dirs.stream().anyMatch(d -> Files.isExecutable(Path.of(d, "openssl")));
    }
}
