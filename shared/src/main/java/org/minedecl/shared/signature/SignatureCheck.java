package org.minedecl.shared.signature;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The one raw signature check: the package verifier checks a SignerInfo's signature here, and the Wycheproof
 * tests run their vectors through exactly this path. BouncyCastle insists on DER signatures and on
 * {@code 0 < r, s < n}.
 */
public final class SignatureCheck {
    private SignatureCheck() {
    }

    /** The outcome of one check. */
    public enum Outcome { VALID, INVALID, NOT_ALLOWED }

    /** Outcome plus a readable detail. */
    public record Result(Outcome outcome, String detail) {
    }

    /**
     * Verifies {@code signature} over {@code signedBytes}.
     *
     * @param digestAlg the digest algorithm named beside the signature (CMS digestAlgorithm)
     * @param sigAlg    the signature algorithm
     * @param spki      the signer's public key
     */
    public static Result verify(AlgorithmIdentifier digestAlg, AlgorithmIdentifier sigAlg, SubjectPublicKeyInfo spki,
            byte[] signedBytes, byte[] signature) {
        AlgorithmPolicy.Decision d = AlgorithmPolicy.resolve(digestAlg, sigAlg, spki);
        if (d instanceof AlgorithmPolicy.Refused r) {
            return new Result(Outcome.NOT_ALLOWED, r.reason());
        }
        AlgorithmPolicy.Allowed a = (AlgorithmPolicy.Allowed) d;
        try {
            PublicKey key = KeyFactory.getInstance(a.algorithm() == SignatureAlgorithm.RSA_SHA256
                            || a.algorithm() == SignatureAlgorithm.RSA_PSS_SHA256 ? "RSA" : "EC", Providers.bc())
                    .generatePublic(new X509EncodedKeySpec(spki.getEncoded("DER")));
            Signature s = Signature.getInstance(a.jcaName(), Providers.bc());
            if (a.params() != null) {
                s.setParameter(a.params());
            }
            s.initVerify(key);
            s.update(signedBytes);
            return s.verify(signature) ? new Result(Outcome.VALID, a.jcaName() + " signature verifies")
                    : new Result(Outcome.INVALID, a.jcaName() + " signature does not verify");
        } catch (java.security.SignatureException e) {
            return new Result(Outcome.INVALID, "malformed " + a.jcaName() + " signature");
        } catch (java.security.GeneralSecurityException | java.io.IOException | RuntimeException e) {
            return new Result(Outcome.INVALID, "signature could not be checked: " + e.getClass().getSimpleName());
        }
    }
}
