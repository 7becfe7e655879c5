package org.minedecl.shared.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;

/**
 * Project Wycheproof vectors through {@link SignatureCheck#verify} - the same call the package verifier makes
 * for a SignerInfo: every {@code valid} vector accepted, every {@code invalid} one rejected.
 */
class WycheproofTest {
    private static final AlgorithmIdentifier SHA256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256);

    record Counts(int valid, int invalid, int acceptableAccepted, int acceptableRejected, List<String> wrong) {
    }

    private static Counts run(String resource, AlgorithmIdentifier sigAlg) throws Exception {
        JsonNode root;
        try (InputStream in = WycheproofTest.class.getResourceAsStream("/wycheproof/" + resource)) {
            root = new ObjectMapper().readTree(in);
        }
        HexFormat hex = HexFormat.of();
        int valid = 0;
        int invalid = 0;
        int accA = 0;
        int accR = 0;
        List<String> wrong = new ArrayList<>();
        for (JsonNode g : root.get("testGroups")) {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(hex.parseHex(g.get("publicKeyDer").asText()));
            for (JsonNode t : g.get("tests")) {
                byte[] msg = hex.parseHex(t.get("msg").asText());
                byte[] sig = hex.parseHex(t.get("sig").asText());
                boolean accepted = SignatureCheck.verify(SHA256, sigAlg, spki, msg, sig).outcome()
                        == SignatureCheck.Outcome.VALID;
                switch (t.get("result").asText()) {
                    case "valid":
                        valid++;
                        if (!accepted) {
                            wrong.add("valid tcId " + t.get("tcId") + " rejected: " + t.get("comment"));
                        }
                        break;
                    case "invalid":
                        invalid++;
                        if (accepted) {
                            wrong.add("invalid tcId " + t.get("tcId") + " accepted: " + t.get("comment"));
                        }
                        break;
                    default:
                        if (accepted) {
                            accA++;
                        } else {
                            accR++;
                        }
                }
            }
        }
        Counts c = new Counts(valid, invalid, accA, accR, wrong);
        assertThat(valid + invalid + accA + accR).as("every vector ran").isEqualTo(root.get("numberOfTests").asInt());
        System.out.println(resource + ": valid " + valid + ", invalid " + invalid + ", acceptable accepted " + accA
                + ", acceptable rejected " + accR + ", wrong " + wrong.size());
        return c;
    }

    @Test
    void everyValidEcdsaP256Sha256VectorIsAcceptedAndEveryInvalidOneRejected() throws Exception {
        Counts c = run("ecdsa_secp256r1_sha256_test.json", new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256));
        assertThat(c.wrong()).isEmpty();
        assertThat(c.valid()).isGreaterThan(50);
        assertThat(c.invalid()).isGreaterThan(300);
    }

    @Test
    void everyValidRsa2048Sha256VectorIsAcceptedAndEveryInvalidOneRejected() throws Exception {
        Counts c = run("rsa_signature_2048_sha256_test.json",
                new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption));
        assertThat(c.wrong()).isEmpty();
        assertThat(c.valid()).isPositive();
        assertThat(c.invalid()).isGreaterThan(100);
    }
}
