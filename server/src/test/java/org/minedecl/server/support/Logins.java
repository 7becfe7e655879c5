package org.minedecl.server.support;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.minedecl.shared.signature.Providers;
import org.minedecl.shared.testpki.TestPki;

/** Certificate login for the API tests: challenge, a detached CMS signature over the nonce, token. */
public final class Logins {
    private Logins() {
    }

    /** A token for {@code leaf}; fails the test when the login is refused. */
    public static String token(Api api, TestPki.Leaf leaf) {
        Api.Answer a = answer(api, leaf, true);
        if (a.status() != 200) {
            throw new AssertionError("login refused (" + a.status() + "): " + a.text());
        }
        return a.json().path("access_token").asText();
    }

    /** The token endpoint's answer for a signature by {@code leaf} over a fresh nonce. */
    public static Api.Answer answer(Api api, TestPki.Leaf leaf, boolean signedAttributes) {
        String nonce = challenge(api);
        return submit(api, nonce, cms(nonce.getBytes(StandardCharsets.UTF_8), leaf, signedAttributes));
    }

    public static String challenge(Api api) {
        Api.Answer c = api.postJson("/api/v1/auth/challenge", "");
        if (c.status() != 200) {
            throw new AssertionError("challenge refused (" + c.status() + "): " + c.text());
        }
        return c.json().path("nonce").asText();
    }

    public static Api.Answer submit(Api api, String nonce, byte[] cms) {
        return api.postJson("/api/v1/auth/token", "{\"nonce\":\"" + nonce + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(cms) + "\"}");
    }

    /** A detached CMS SignedData over {@code content} with the leaf's chain (root left out). */
    public static byte[] cms(byte[] content, TestPki.Leaf leaf, boolean signedAttributes) {
        try {
            String alg = leaf.key().getAlgorithm().startsWith("RSA") ? "SHA256withRSA"
                    : isSm2(leaf.cert()) ? "SM3withSM2" : "SHA256withECDSA";
            ContentSigner signer = new JcaContentSignerBuilder(alg).setProvider(Providers.bc()).build(leaf.key());
            JcaSignerInfoGeneratorBuilder sib = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Providers.bc()).build());
            sib.setDirectSignature(!signedAttributes);
            CMSSignedDataGenerator g = new CMSSignedDataGenerator();
            g.addSignerInfoGenerator(sib.build(signer, leaf.cert()));
            List<X509Certificate> certs = new ArrayList<>(leaf.chain());
            if (certs.size() > 1) {
                certs.remove(certs.size() - 1);
            }
            g.addCertificates(new JcaCertStore(certs));
            return g.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isSm2(X509Certificate c) {
        return c.getSigAlgOID().startsWith("1.2.156.10197");
    }
}
