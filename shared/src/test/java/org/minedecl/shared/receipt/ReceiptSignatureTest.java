package org.minedecl.shared.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minedecl.shared.rules.RulePackInfo;
import org.minedecl.shared.testpki.TestPki;

class ReceiptSignatureTest {
    private static final Instant NOW = Instant.parse("2026-10-10T02:00:00Z");
    private static final ReceiptKeys SERVER = ReceiptKeys.generate("minedecl test server", NOW);

    private static Receipt receipt() {
        return new Receipt("r-1", "ab".repeat(32), "2026Q3", "91140525MA0JX7RP19", "C1405252009127130048622",
                "140525", NOW, Receipt.Status.ACCEPTED, List.of(), null,
                List.of(new RulePackInfo("CORE", "1.0.0", "")), null);
    }

    @Test
    void aReceiptSignedByTheServerVerifiesWithItsCertificateAndReadsBackEqual() {
        byte[] signed = new ReceiptSigner(SERVER.privateKey(), SERVER.certificate()).sign(receipt());

        ReceiptVerifier.Result result = ReceiptVerifier.verify(signed, SERVER.certificate());

        assertThat(result.valid()).isTrue();
        assertThat(result.receipt()).isEqualTo(receipt());
    }

    @Test
    void oneSignerSignsManyReceiptsEachOfWhichVerifies() {
        ReceiptSigner signer = new ReceiptSigner(SERVER.privateKey(), SERVER.certificate());
        for (int i = 0; i < 5; i++) {
            byte[] signed = signer.sign(receipt());
            assertThat(ReceiptVerifier.verify(signed, SERVER.certificate()).valid()).isTrue();
            assertThat(signatureAlgorithm(signed)).isEqualTo("1.2.840.10045.4.3.2"); // ecdsa-with-SHA256
        }
    }

    @Test
    void anRsaReceiptKeySignsWithSha256WithRsa() throws Exception {
        var leaf = TestPki.get(TestPki.KeyAlg.RSA).leaf().commonName("rsa receipt server").selfSigned().build();
        byte[] signed = new ReceiptSigner(leaf.key(), leaf.cert()).sign(receipt());

        assertThat(ReceiptVerifier.verify(signed, leaf.cert()).valid()).isTrue();
        assertThat(signatureAlgorithm(signed)).isEqualTo("1.2.840.113549.1.1.11"); // sha256WithRSAEncryption
    }

    private static String signatureAlgorithm(byte[] signed) {
        try {
            return new org.bouncycastle.cms.CMSSignedData(signed).getSignerInfos().iterator().next()
                    .getEncryptionAlgOID();
        } catch (org.bouncycastle.cms.CMSException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aReceiptSignedByAnotherKeyIsInvalid() {
        ReceiptKeys other = ReceiptKeys.generate("someone else", NOW);
        byte[] signed = new ReceiptSigner(other.privateKey(), other.certificate()).sign(receipt());

        ReceiptVerifier.Result result = ReceiptVerifier.verify(signed, SERVER.certificate());

        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).contains("does not verify");
    }

    @Test
    void aReceiptWithOneChangedByteIsInvalid() {
        byte[] signed = new ReceiptSigner(SERVER.privateKey(), SERVER.certificate()).sign(receipt());
        byte[] json = ReceiptJson.toBytes(receipt());
        int at = indexOf(signed, json) + 20;
        signed[at] ^= 0x01;

        assertThat(ReceiptVerifier.verify(signed, SERVER.certificate()).valid()).isFalse();
    }

    @Test
    void garbageIsAnInvalidReceiptNotAnException() {
        assertThat(ReceiptVerifier.verify(new byte[] {1, 2, 3}, SERVER.certificate()).valid()).isFalse();
        assertThat(ReceiptVerifier.verify(new byte[0], SERVER.certificate()).valid()).isFalse();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("content not found");
    }
}
