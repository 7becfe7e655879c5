package org.minedecl.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.minedecl.server.support.Api;
import org.minedecl.server.support.Logins;
import org.minedecl.server.support.TestData;
import org.minedecl.shared.testpki.TestPki;

/**
 * Certificate login (CONTRACTS section 7) with each key type the contract names - RSA, ECDSA P-256 and SM2, with
 * and without signed attributes - and with the CMS signature over the nonce made by {@code openssl cms -sign
 * -binary -md sha256 -outform DER} for RSA and EC keys, as a script would; a signature over another nonce is
 * refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginAlgorithmsTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    Path work;

    @Override
    public Map<String, String> getProperties() {
        TestData data = TestData.create("minedecl-login-algs"); // trusts the EC test PKI
        try {
            work = Files.createTempDirectory("minedecl-login-openssl");
            for (TestPki.KeyAlg alg : List.of(TestPki.KeyAlg.RSA, TestPki.KeyAlg.SM2)) {
                TestPki pki = TestPki.get(alg);
                Path trust = data.dataDir().resolve("trust");
                TestPki.writePem(trust.resolve(alg + "-root.pem"), pki.root().cert());
                List<X509CRL> crls = pki.freshCrls(Instant.now());
                TestPki.writePem(trust.resolve(alg + "-root.crl"), crls.get(0));
                TestPki.writePem(trust.resolve(alg + "-issuing.crl"), crls.get(1));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("minedecl.data-dir", data.dataDir().toString(), "micronaut.server.port", "-1");
    }

    private Api api() {
        return new Api(server.getURI());
    }

    @ParameterizedTest
    @EnumSource(TestPki.KeyAlg.class)
    void eachKeyTypeLogsInWithAndWithoutSignedAttributes(TestPki.KeyAlg alg) {
        TestPki.Leaf leaf = TestPki.get(alg).leaf().build();
        for (boolean signedAttributes : new boolean[] {true, false}) {
            Api.Answer a = Logins.answer(api(), leaf, signedAttributes);

            assertThat(a.status()).as(alg + " signed attributes " + signedAttributes + ": " + a.text()).isEqualTo(200);
            assertThat(a.json().path("principal").path("uscc").asText()).isEqualTo(TestPki.EXAMPLE_USCC);
            assertThat(a.json().path("access_token").asText()).isNotBlank();
        }
        // the signature must be over the nonce it answers
        String nonce = Logins.challenge(api());
        String other = Logins.challenge(api());
        Api.Answer wrong = Logins.submit(api(), nonce, Logins.cms(other.getBytes(StandardCharsets.UTF_8), leaf, true));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("AUTH_FAILED");
    }

    @ParameterizedTest
    @CsvSource({"RSA, false", "RSA, true", "EC, false", "EC, true"})
    @Tag("openssl")
    void aSignatureMadeByOpensslCmsLogsIn(TestPki.KeyAlg alg, boolean noSignedAttributes) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "no /usr/bin/openssl");
        TestPki.Leaf leaf = TestPki.get(alg).leaf().build();
        Path dir = Files.createTempDirectory(work, alg.name());
        TestPki.writePem(dir.resolve("signer.pem"), leaf.cert());
        Files.writeString(dir.resolve("signer.key"), TestPki.pem(leaf.key()));
        TestPki.writePem(dir.resolve("chain.pem"), leaf.chain().get(1)); // the issuing CA
        String nonce = Logins.challenge(api());
        Files.writeString(dir.resolve("nonce.txt"), nonce, StandardCharsets.UTF_8);

        List<String> cmd = new ArrayList<>(List.of("openssl", "cms", "-sign", "-binary", "-md", "sha256",
                "-outform", "DER", "-in", "nonce.txt", "-signer", "signer.pem", "-inkey", "signer.key",
                "-certfile", "chain.pem", "-out", "nonce.p7s"));
        if (noSignedAttributes) {
            cmd.add("-noattr");
        }
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();

        Api.Answer a = Logins.submit(api(), nonce, Files.readAllBytes(dir.resolve("nonce.p7s")));

        assertThat(a.status()).as(alg + " openssl cms" + (noSignedAttributes ? " -noattr" : "") + ": " + a.text())
                .isEqualTo(200);
        assertThat(a.json().path("principal").path("roles").toString()).isEqualTo("[\"OPERATOR\"]");
        // and the nonce is good once
        assertThat(Logins.submit(api(), nonce, Files.readAllBytes(dir.resolve("nonce.p7s"))).status()).isEqualTo(401);
    }
}
