package org.minedecl.client.app.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.signing.SigningService;
import org.minedecl.client.app.support.ClientError;
import org.minedecl.client.app.support.ClientErrors;
import org.minedecl.shared.signature.SignerException;
import org.minedecl.shared.signature.SigningCredential;
import org.minedecl.client.testsupport.SharedSoftHsm;
import org.minedecl.shared.testpki.SoftHsmToken;
import org.minedecl.shared.testpki.TestPki;

/** Token discovery, PIN flags and error sentences on real PKCS#11 tokens (SoftHSM2). */
@Tag("softhsm")
class Pkcs11TokensSoftHsmTest {
    private static SoftHsmToken token;
    private static Path library;
    private static final TestPki PKI = TestPki.get(TestPki.KeyAlg.EC);
    private final Pkcs11Tokens tokens = new Pkcs11Tokens(Duration.ofSeconds(20));

    @BeforeAll
    static void twoTokensOneWithTheEnterpriseKey() throws Exception {
        token = SharedSoftHsm.get();
        library = Path.of(setting(token.config(), "library"));
    }

    private static String setting(Path config, String name) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + name + " = (.+)$").matcher(Files.readString(config));
        assertThat(m.find()).isTrue();
        return m.group(1).strip();
    }

    private static long slot(Path config) throws Exception {
        return Long.parseLong(setting(config, "slot"));
    }

    @Test
    void everySlotWithATokenIsFoundWithItsLabelAndPinState() throws Exception {
        Pkcs11Tokens.Discovery d = tokens.discover(List.of(library));

        assertThat(d.problems()).isEmpty();
        assertThat(d.tokens()).extracting(TokenRef::slotId).contains(slot(token.config()), slot(token.untouched()));
        TokenRef second = d.tokens().stream().filter(t -> t.slotId() == slotOf(token.untouched())).findFirst()
                .orElseThrow();
        assertThat(second.label()).isEqualTo("minedecl-test-2");
        assertThat(second.manufacturer()).isEqualTo("SoftHSM project");
        assertThat(second.pin().loginRequired()).isTrue();
        assertThat(second.pin().locked()).isFalse();
        assertThat(second.pin().minLength()).isEqualTo(4);
    }

    private static long slotOf(Path config) {
        try {
            return slot(config);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDiscoveredTokenSignsWithoutAConfigurationFileOfTheUsers() throws Exception {
        TokenRef t = tokens.discover(List.of(library)).tokens().stream()
                .filter(x -> x.slotId() == slotOf(token.config())).findFirst().orElseThrow();
        SigningService service = SigningService.standard(BusinessClock.system());

        SigningCredential c = service.open(t.signerSource(token.pin().toCharArray(), "enterprise"));

                assertThat(service.describe(c.certificate(), null).uscc()).isEqualTo("91140525MA0JX7RP19");
    }

    @Test
    void aWrongPinIsOnePlainSentenceAndTheTokenThenWarnsThatAnotherWrongTryMayLockIt() throws Exception {
        TokenRef before = tokens.tokenOf(token.untouched()).orElseThrow();
        rightPinOnce(before); // another test may have tried a wrong PIN on this token before
        assertThat(tokens.refresh(before).orElseThrow().pin().countLow()).isFalse();
        SigningService service = SigningService.standard(BusinessClock.system());

        SignerException e = org.junit.jupiter.api.Assertions.assertThrows(SignerException.class,
                () -> service.open(before.signerSource("000000".toCharArray(), null)));
        ClientError error = ClientErrors.explain(e);

        assertThat(error.code()).isEqualTo("PIN_INCORRECT");
        assertThat(error.text(Language.ZH)).isEqualTo("USB Key（PKCS#11）的 PIN 不正确。请核对后重试；多次输错会锁定 USB Key。");
        assertThat(error.text(Language.EN)).doesNotContain("CKR_").doesNotContain("Exception").doesNotContain("\n");
        assertThat(error.technical()).contains("CKR_PIN_INCORRECT");
        TokenRef after = tokens.refresh(before).orElseThrow();
        assertThat(after.pin().countLow()).as("SoftHSM2 sets CKF_USER_PIN_COUNT_LOW after a wrong PIN").isTrue();
        assertThat(after.pin().warning(Language.EN)).hasValueSatisfying(w -> assertThat(w).contains("may lock"));
    }

    /** Logs in with the right PIN and out again, which clears CKF_USER_PIN_COUNT_LOW. */
    private void rightPinOnce(TokenRef t) throws Exception {
        tokens.withModule(t.library(), m -> {
            for (org.xipki.pkcs11.wrapper.Slot s : m.getSlotList(true)) {
                if (s.getSlotID() == t.slotId()) {
                    org.xipki.pkcs11.wrapper.Session session = s.getToken().openSession(false);
                    try {
                        session.login(org.xipki.pkcs11.wrapper.PKCS11Constants.CKU_USER, token.pin().toCharArray());
                        session.logout();
                    } finally {
                        session.closeSession();
                    }
                }
            }
            return null;
        });
    }

    @Test
    void theLibraryDescribesItselfForTheDiagnostics() throws Exception {
        assertThat(tokens.describeLibrary(library)).hasValueSatisfying(s -> assertThat(s).contains("SoftHSM"));
    }
}
