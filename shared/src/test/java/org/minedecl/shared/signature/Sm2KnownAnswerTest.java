package org.minedecl.shared.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

/**
 * SM3withSM2 known answer: a signature made by OpenSSL 3.0.19 ({@code openssl pkeyutl -sign -rawin -digest sm3},
 * default distinguishing id 1234567812345678) over a fixed message, checked through the verifier's one
 * signature path. An independent implementation, so a regression in either key decoding, SM3, Z computation or
 * the SM2 check fails here.
 */
class Sm2KnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PUBLIC_KEY = HEX.parseHex("3059301306072a8648ce3d020106082a811ccf5501822d0342000418"
            + "18170e901c952eb63aa55168490c1c55c3a7596dffd59a817be170e3becf14b83b36f3c83b24a39de6dfb2c9b2aa6b547bf84e"
            + "326e3b0f31af0d848908da2a");
    private static final byte[] MESSAGE = "minedecl SM2 known-answer message".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIGNATURE = HEX.parseHex("304602210094bfd5173dde892d40b4e4d19971334a7a9638e7ff1b7cc"
            + "fd769d86f5f23b944022100af5791a169d86a38eab82d2e693cb4b109487f3538b0bb8ca7f11616f7e802ed");
    /** The same message signed by OpenSSL with an empty distinguishing id (its pkeyutl default): not ours. */
    private static final byte[] SIGNATURE_EMPTY_ID = HEX.parseHex("3045022100c30e135b9e4c7655b928f9f4bb95b55e49d0e2"
            + "544f41fd095f4d60b23c32b0ab022065a39fcb0b9e835308a1f438f730e28198d05dece7dd700bb5c7e611ddf2fb37");
    private static final AlgorithmIdentifier SM3 = new AlgorithmIdentifier(GMObjectIdentifiers.sm3);
    private static final AlgorithmIdentifier SM3_WITH_SM2 = new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);

    @Test
    void anOpensslSm2SignatureVerifies() {
        assertThat(SignatureCheck.verify(SM3, SM3_WITH_SM2, SubjectPublicKeyInfo.getInstance(PUBLIC_KEY), MESSAGE,
                SIGNATURE).outcome()).isEqualTo(SignatureCheck.Outcome.VALID);
    }

    @Test
    void aSignatureWithAnotherDistinguishingIdIsInvalid() {
        assertThat(SignatureCheck.verify(SM3, SM3_WITH_SM2, SubjectPublicKeyInfo.getInstance(PUBLIC_KEY), MESSAGE,
                SIGNATURE_EMPTY_ID).outcome()).isEqualTo(SignatureCheck.Outcome.INVALID);
    }

    @Test
    void theSameSignatureOverAChangedMessageIsInvalid() {
        byte[] m = MESSAGE.clone();
        m[0] ^= 1;
        assertThat(SignatureCheck.verify(SM3, SM3_WITH_SM2, SubjectPublicKeyInfo.getInstance(PUBLIC_KEY), m,
                SIGNATURE).outcome()).isEqualTo(SignatureCheck.Outcome.INVALID);
    }

    @Test
    void everyChangedSignatureByteMakesItInvalid() {
        for (int i = 0; i < SIGNATURE.length; i++) {
            byte[] s = SIGNATURE.clone();
            s[i] ^= 0x01;
            assertThat(SignatureCheck.verify(SM3, SM3_WITH_SM2, SubjectPublicKeyInfo.getInstance(PUBLIC_KEY), MESSAGE,
                    s).outcome()).as("byte %d", i).isEqualTo(SignatureCheck.Outcome.INVALID);
        }
    }

    @Test
    void anSm2KeyWithASha256DigestIsNotAllowed() {
        assertThat(SignatureCheck.verify(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), SM3_WITH_SM2,
                SubjectPublicKeyInfo.getInstance(PUBLIC_KEY), MESSAGE, SIGNATURE).outcome())
                .isEqualTo(SignatureCheck.Outcome.NOT_ALLOWED);
    }
}
