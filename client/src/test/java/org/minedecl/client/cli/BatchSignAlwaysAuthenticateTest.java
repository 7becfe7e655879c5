package org.minedecl.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.testsupport.SharedSoftHsm;
import org.minedecl.shared.rules.RuleVectors;
import org.minedecl.shared.testpki.SoftHsmToken;
import org.minedecl.shared.testpki.TestPki;

/**
 * {@code minedecl batch sign} with a SoftHSM2 key that demands the PIN for every signature (CKA_ALWAYS_AUTHENTICATE):
 * sign all with the PIN given once, one by one with the PIN asked each time, a wrong PIN stops the batch, an empty
 * answer cancels it.
 */
@Tag("softhsm")
class BatchSignAlwaysAuthenticateTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path decls;
    Path pin;
    SoftHsmToken token;

    @BeforeEach
    void folder() throws Exception {
        token = SharedSoftHsm.get();
        decls = Files.createDirectories(tmp.resolve("decls"));
        for (int i = 1; i <= 3; i++) {
            ObjectNode d = RuleVectors.example();
            ((ObjectNode) d.get("mine")).put("name", "金岭矿" + i);
            Files.write(decls.resolve("mine" + i + ".json"), JSON.writeValueAsBytes(d));
            TestPki.exampleAttachments(decls.resolve("mine" + i));
        }
        pin = Files.writeString(tmp.resolve("pin.txt"), token.pin() + "\n");
    }

    private CliRun batchSign(Path out, String stdin, String... more) {
        String[] base = {"batch", "sign", decls.toString(), "--out", out.toString(), "--pkcs11",
            token.third().toString(), "--alias", SharedSoftHsm.ALWAYS_EC, "--storepass-file", pin.toString(),
            "--as-of", "2026-10-10", "--lang", "en"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            return CliRun.of(args);
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void signAllUsesThePinGivenOnceForEverySignature() throws Exception {
        Path out = tmp.resolve("all");
        CliRun r = batchSign(out, "");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("This key demands its PIN for every signature")
                .contains("Summary: 3 declarations, 3 signed");
        for (int i = 1; i <= 3; i++) {
            assertThat(out.resolve("mine" + i + ".asice")).exists();
        }
    }

    @Test
    void oneByOneAsksForThePinEachTimeAndAWrongPinStopsTheBatch() throws Exception {
        Path out = tmp.resolve("one");
        CliRun r = batchSign(out, "y\n" + token.pin() + "\ny\n000000\n", "--one-by-one");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("PIN of minedecl-always for this signature");
        assertThat(r.out()).contains("mine2.json: signing failed, the batch stopped: Wrong PIN")
                .contains("mine3.json: not reached")
                .contains("Summary: 3 declarations, 1 signed");
        assertThat(out.resolve("mine1.asice")).exists();
        assertThat(out.resolve("mine2.asice")).doesNotExist();
        assertThat(out.resolve("mine3.asice")).doesNotExist();
    }

    @Test
    void anEmptyPinAnswerCancelsTheBatch() throws Exception {
        Path out = tmp.resolve("cancel");
        CliRun r = batchSign(out, "y\n\n", "--one-by-one");

        assertThat(r.out()).as(r.out() + r.err()).contains("mine1.json: no PIN given: not signed, the batch stopped")
                .contains("mine2.json: not reached").contains("Summary: 3 declarations, 0 signed");
        assertThat(out.resolve("mine1.asice")).doesNotExist();
    }
}
