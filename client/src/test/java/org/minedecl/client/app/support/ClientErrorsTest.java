package org.minedecl.client.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.signing.CertificateInfo;
import org.minedecl.client.app.submission.SubmissionResult;
import org.minedecl.shared.signature.SignerException;

/** Errors as sentences a clerk can act on: no stack trace, no bare CKR_ code; the detail kept for support. */
class ClientErrorsTest {
    private static SignerException fromSunPkcs11(String ckr) {
        // the shape SunPKCS11 gives: KeyStore.load's IOException <- LoginException <- PKCS11Exception
        Exception pkcs11 = new Exception(ckr);
        IOException load = new IOException("load failed", new javax.security.auth.login.LoginException(ckr) {
            {
                initCause(pkcs11);
            }
        });
        return new SignerException("cannot open PKCS#11 token (token.cfg): load failed", load);
    }

    @Test
    void aLockedPinSaysWhoUnlocksItAndNeverShowsTheReturnValue() {
        ClientError e = ClientErrors.explain(fromSunPkcs11("CKR_PIN_LOCKED"));

        assertThat(e.code()).isEqualTo("PIN_LOCKED");
        assertThat(e.text(Language.ZH)).isEqualTo("USB Key（PKCS#11）的 PIN 已锁定。请联系证书颁发机构（CA）或单位的证书管理员解锁，解锁后再签名。");
        assertThat(e.text(Language.EN)).doesNotContain("CKR_").doesNotContain("Exception");
        assertThat(e.technical()).contains("CKR_PIN_LOCKED").contains("java.io.IOException: load failed");
    }

    @Test
    void aPulledTokenAndAnUnknownReturnValueAreSentencesToo() {
        assertThat(ClientErrors.explain(fromSunPkcs11("CKR_DEVICE_REMOVED")).code()).isEqualTo("TOKEN_ABSENT");
        ClientError odd = ClientErrors.explain(fromSunPkcs11("CKR_FUNCTION_FAILED"));
        assertThat(odd.code()).isEqualTo("TOKEN_FAILED");
        assertThat(odd.text(Language.EN)).isEqualTo("The USB key (PKCS#11) cannot be used. Unplug it and plug it in "
                + "again; if that does not help, install your certificate authority's driver and send the diagnostics "
                + "to support.");
    }

    @Test
    void aWrongKeystorePasswordAndAnUnreachableServerAreNamed() {
        assertThat(ClientErrors.explain(new SignerException("cannot open keystore a.p12: wrong password or damaged "
                + "file")).code()).isEqualTo("PASSWORD_INCORRECT");
        ClientError net = ClientErrors.explain(new IOException("upload failed", new ConnectException(
                "Connection refused")));
        assertThat(net.code()).isEqualTo("SERVER_UNREACHABLE");
        assertThat(net.text(Language.EN)).contains("outbox");
        assertThat(ClientErrors.explain(new IllegalStateException("boom")).text(Language.EN))
                .isEqualTo("That did not work. Try again; if it keeps failing, send the diagnostics to support.");
    }

    @Test
    void aRevokedCertificateRefusedByTheServerSaysToGetANewOne() {
        ClientError e = ClientErrors.explain(new SubmissionResult.Refused(422, "CERT_REVOKED",
                "the signer's certificate is revoked", List.of()));

        assertThat(e.code()).isEqualTo("CERT_REVOKED");
        assertThat(e.text(Language.ZH)).contains("已被吊销").contains("申领新证书");
        assertThat(e.technical()).isEqualTo("422 CERT_REVOKED: the signer's certificate is revoked");
    }

    private static CertificateInfo cert(CertificateInfo.Validity v, String uscc, String declared) {
        return new CertificateInfo("CN=x", uscc, "CN=CA", "1f", Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2026-06-30T15:59:59Z"), v, declared, null);
    }

    @Test
    void anExpiredCertificateOrAnotherEnterprisesIsSaidBeforeSigning() {
        assertThat(ClientErrors.explain(cert(CertificateInfo.Validity.EXPIRED, "91140525MA0JX7RP19",
                "91140525MA0JX7RP19"))).hasValueSatisfying(e -> assertThat(e.text(Language.EN))
                .startsWith("The certificate expired on 2026-06-30 and can no longer sign.").contains("renew"));
        assertThat(ClientErrors.explain(cert(CertificateInfo.Validity.VALID, "911100001000000000",
                "91140525MA0JX7RP19"))).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("SIGNER_MISMATCH"));
        assertThat(ClientErrors.explain(cert(CertificateInfo.Validity.VALID, "91140525MA0JX7RP19",
                "91140525MA0JX7RP19"))).isEmpty();
    }

    @Test
    void diagnosticsCarryVersionsSettingsAndTheLastErrorsButNoSecrets() {
        Diagnostics d = new Diagnostics(BusinessClock.fixed(Instant.parse("2026-10-10T02:00:00Z")));
        for (int i = 0; i < Diagnostics.KEEP + 3; i++) {
            d.record("sign", fromSunPkcs11("CKR_PIN_INCORRECT"));
        }

        String text = d.text(Map.of("server", "http://localhost:8080", "keystorePassword", "s3cret"));

        assertThat(d.lastErrors()).hasSize(Diagnostics.KEEP);
        assertThat(text).contains("minedecl: ").contains("rule packs: CORE").contains("java: ")
                .contains("business dates: Asia/Shanghai, today 2026-10-10").contains("server: http://localhost:8080")
                .contains("keystorePassword: (hidden)").doesNotContain("s3cret")
                .contains("last errors (20)").contains("PIN_INCORRECT - Wrong PIN").contains("CKR_PIN_INCORRECT");
    }
}
