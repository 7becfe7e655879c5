package org.minedecl.client.app.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.signing.Preparation;
import org.minedecl.client.app.signing.SigningService;
import org.minedecl.client.app.support.ClientErrors;
import org.minedecl.client.testsupport.SharedSoftHsm;
import org.minedecl.shared.pkg.PackageAttachment;
import org.minedecl.shared.pkg.PackageVerifier;
import org.minedecl.shared.pkg.VerificationReport;
import org.minedecl.shared.rules.RuleVectors;
import org.minedecl.shared.signature.SignerException;
import org.minedecl.shared.signature.SignerSource;
import org.minedecl.shared.signature.SigningCredential;
import org.minedecl.shared.testpki.SoftHsmToken;
import org.minedecl.shared.testpki.TestPki;

/**
 * Keys that demand the PIN for every signature (CKA_ALWAYS_AUTHENTICATE) on a SoftHSM2 token, which enforces it:
 * C_Sign without the context-specific login after C_SignInit answers CKR_USER_NOT_LOGGED_IN.
 */
@Tag("softhsm")
class AlwaysAuthenticateSoftHsmTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 10);
    private static SoftHsmToken token;
    private final SigningService service = SigningService.standard(BusinessClock.fixed(TestPki.NOW));

    @TempDir
    Path tmp;

    @BeforeAll
    static void tokens() throws Exception {
        token = SharedSoftHsm.get();
    }

    private SignerSource source(String alias, String pin) {
        return new SignerSource.Pkcs11Token(token.third(), pin.toCharArray(), alias);
    }

    private Preparation.Ready ready() throws Exception {
        byte[] json = new ObjectMapper().writeValueAsBytes(RuleVectors.example());
        List<Path> files = new ArrayList<>();
        for (PackageAttachment a : TestPki.exampleAttachments(Files.createDirectories(tmp.resolve("att")))) {
            files.add(a.file());
        }
        return (Preparation.Ready) service.prepare(json, files, AS_OF, null);
    }

    private VerificationReport verify(Path pkg, TestPki.KeyAlg alg) {
        return new PackageVerifier(TestPki.get(alg).policy(TestPki.NOW)).verify(pkg);
    }

    @Test
    void sunPkcs11AloneCannotSignWithSuchAKeyTheTokenWantsTheContextSpecificLogin() throws Exception {
        SigningCredential plain = source(SharedSoftHsm.ALWAYS_EC, token.pin()).open();

        assertThatThrownBy(() -> service.sign(ready(), plain, false, tmp.resolve("a.asice"), null))
                .isInstanceOf(SignerException.class)
                .satisfies(e -> assertThat(ClientErrors.pkcs11ReturnValue(e)).contains("CKR_USER_NOT_LOGGED_IN"));
        assertThat(tmp.resolve("a.asice")).doesNotExist();
    }

    @Test
    void signAllGivesThePinTypedOnceToTheContextSpecificLoginOfEverySignature() throws Exception {
        SigningCredential c = service.open(source(SharedSoftHsm.ALWAYS_EC, token.pin()));
        try {
            assertThat(service.demandsPinEachTime(c)).isTrue();
            Preparation.Ready r = ready();
            for (int i = 0; i < 3; i++) {
                Path pkg = service.sign(r, c, false, tmp.resolve("p" + i + ".asice"), null).path();
                assertThat(verify(pkg, TestPki.KeyAlg.EC).valid()).as(verify(pkg, TestPki.KeyAlg.EC).toString())
                        .isTrue();
            }
            assertThat(((ContextLoginKey) c.privateKey()).signatures()).isEqualTo(3);
        } finally {
            service.close(c);
        }
    }

    @Test
    void rsaKeysSignWithPkcs1AndPssOnTheToken() throws Exception {
        SigningCredential c = service.open(source(SharedSoftHsm.ALWAYS_RSA, token.pin()));
        try {
            assertThat(service.demandsPinEachTime(c)).isTrue();
            Path pkcs1 = service.sign(ready(), c, false, tmp.resolve("rsa.asice"), null).path();
            Path pss = service.sign(ready(), c, true, tmp.resolve("pss.asice"), null).path();
            assertThat(verify(pkcs1, TestPki.KeyAlg.RSA).valid()).isTrue();
            assertThat(verify(pss, TestPki.KeyAlg.RSA).valid()).isTrue();
        } finally {
            service.close(c);
        }
    }

    @Test
    void oneByOneAsksForThePinBeforeEverySignature() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        SigningCredential c = service.open(source(SharedSoftHsm.ALWAYS_EC, token.pin()), label -> {
            assertThat(label).isEqualTo("minedecl-always");
            asked.incrementAndGet();
            return token.pin().toCharArray();
        });
        try {
            service.sign(ready(), c, false, tmp.resolve("1.asice"), null);
            service.sign(ready(), c, false, tmp.resolve("2.asice"), null);
            assertThat(asked).hasValue(2);
        } finally {
            service.close(c);
        }
    }

    @Test
    void aWrongPinStopsTheKeyItIsNeverTriedAgain() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        SigningCredential c = service.open(source(SharedSoftHsm.ALWAYS_EC, token.pin()), label -> {
            asked.incrementAndGet();
            return "000000".toCharArray();
        });
        assertThatThrownBy(() -> service.sign(ready(), c, false, tmp.resolve("1.asice"), null))
                .isInstanceOf(SignerException.class)
                .satisfies(e -> assertThat(ClientErrors.explain(e).code()).isEqualTo("PIN_INCORRECT"));
        assertThatThrownBy(() -> service.sign(ready(), c, false, tmp.resolve("2.asice"), null))
                .isInstanceOf(SignerException.class);
        assertThat(asked).hasValue(1);
        assertThat(((ContextLoginKey) c.privateKey()).isClosed()).isTrue();
        assertThat(tmp.resolve("1.asice")).doesNotExist();
        assertThat(tmp.resolve("2.asice")).doesNotExist();
    }

    @Test
    void aCancelledPromptSignsNothing() throws Exception {
        SigningCredential c = service.open(source(SharedSoftHsm.ALWAYS_EC, token.pin()), label -> null);
        assertThatThrownBy(() -> service.sign(ready(), c, false, tmp.resolve("1.asice"), null))
                .hasRootCauseInstanceOf(ContextLoginKey.PinCancelled.class);
        assertThat(tmp.resolve("1.asice")).doesNotExist();
    }

    @Test
    void anOrdinaryKeyStaysWithSunPkcs11() throws Exception {
        SigningCredential c = service.open(new SignerSource.Pkcs11Token(token.config(), token.pin().toCharArray(),
                "enterprise"));
        assertThat(service.demandsPinEachTime(c)).isFalse();
        assertThat(c.provider().getName()).startsWith("SunPKCS11");
    }
}
