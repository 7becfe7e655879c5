package org.minedecl.shared.signature;

import java.math.BigInteger;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Which algorithms a package signature may use, decided from the OIDs alone before any expensive work
 * (CONTRACTS section 3; SECURITY-TESTS A.5): SHA-1, MD5, RSA below 2048 bits, explicit curve parameters,
 * other curves and unknown OIDs are refused.
 */
public final class AlgorithmPolicy {
    /** Smallest RSA modulus accepted. */
    public static final int MIN_RSA_BITS = 2048;
    /** Largest RSA modulus accepted (bounds verification time). */
    public static final int MAX_RSA_BITS = 8192;

    private static final Set<ASN1ObjectIdentifier> CERT_SIGNATURE_ALGORITHMS = Set.of(
            PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
            PKCSObjectIdentifiers.sha512WithRSAEncryption, PKCSObjectIdentifiers.id_RSASSA_PSS,
            X9ObjectIdentifiers.ecdsa_with_SHA256, X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512, GMObjectIdentifiers.sm2sign_with_sm3);

    private AlgorithmPolicy() {
    }

    /** A verdict: allowed with the JCA name and parameters to verify with, or refused with a reason. */
    public sealed interface Decision permits Allowed, Refused {
    }

    /** The signature may be checked with {@code jcaName} (and {@code params} when not null). */
    public record Allowed(SignatureAlgorithm algorithm, String jcaName, AlgorithmParameterSpec params)
            implements Decision {
    }

    /** Not allowed, with a readable reason. */
    public record Refused(String reason) implements Decision {
    }

    /** The key kind of a public key, or a refusal (RSA size, named curve P-256 or SM2 only). */
    public static Decision checkKey(SubjectPublicKeyInfo spki) {
        ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
        try {
            if (PKCSObjectIdentifiers.rsaEncryption.equals(alg)) {
                RSAPublicKey rsa = RSAPublicKey.getInstance(spki.parsePublicKey());
                int bits = rsa.getModulus().bitLength();
                if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
                    return new Refused("RSA key of " + bits + " bits (allowed " + MIN_RSA_BITS + "-" + MAX_RSA_BITS
                            + ")");
                }
                return new Allowed(SignatureAlgorithm.RSA_SHA256, "RSA", null);
            }
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(alg)) {
                ASN1Encodable p = spki.getAlgorithm().getParameters();
                if (!(p instanceof ASN1ObjectIdentifier)) {
                    return new Refused("elliptic curve key with explicit or missing curve parameters");
                }
                if (SECObjectIdentifiers.secp256r1.equals(p)) {
                    return new Allowed(SignatureAlgorithm.ECDSA_P256_SHA256, "EC", null);
                }
                if (GMObjectIdentifiers.sm2p256v1.equals(p)) {
                    return new Allowed(SignatureAlgorithm.SM2_SM3, "EC", null);
                }
                return new Refused("elliptic curve " + p + " is not allowed (P-256 or SM2 only)");
            }
            return new Refused("public key algorithm " + alg + " is not allowed");
        } catch (RuntimeException | java.io.IOException e) {
            return new Refused("unreadable public key");
        }
    }

    /**
     * Resolves a CMS SignerInfo's digest and signature algorithms against the signer's key.
     *
     * @param digestAlg the SignerInfo digestAlgorithm
     * @param sigAlg    the SignerInfo signatureAlgorithm
     */
    public static Decision resolve(AlgorithmIdentifier digestAlg, AlgorithmIdentifier sigAlg,
            SubjectPublicKeyInfo spki) {
        Decision key = checkKey(spki);
        if (key instanceof Refused) {
            return key;
        }
        SignatureAlgorithm keyKind = ((Allowed) key).algorithm();
        ASN1ObjectIdentifier d = digestAlg.getAlgorithm();
        ASN1ObjectIdentifier s = sigAlg.getAlgorithm();
        if (!absentOrNull(digestAlg.getParameters())) {
            return new Refused("digest algorithm with unexpected parameters");
        }
        switch (keyKind) {
            case RSA_SHA256:
                if (!NISTObjectIdentifiers.id_sha256.equals(d)) {
                    return new Refused("digest " + d + " is not allowed with RSA (SHA-256 only)");
                }
                if (PKCSObjectIdentifiers.rsaEncryption.equals(s)
                        || PKCSObjectIdentifiers.sha256WithRSAEncryption.equals(s)) {
                    if (!absentOrNull(sigAlg.getParameters())) {
                        return new Refused("RSA signature algorithm with unexpected parameters");
                    }
                    return new Allowed(SignatureAlgorithm.RSA_SHA256, "SHA256withRSA", null);
                }
                if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(s)) {
                    return pss(sigAlg);
                }
                return new Refused("signature algorithm " + s + " is not allowed with an RSA key");
            case ECDSA_P256_SHA256:
                if (!NISTObjectIdentifiers.id_sha256.equals(d) || !X9ObjectIdentifiers.ecdsa_with_SHA256.equals(s)) {
                    return new Refused("digest " + d + " / signature " + s
                            + " is not allowed with a P-256 key (ecdsa-with-SHA256 only)");
                }
                if (sigAlg.getParameters() != null) {
                    return new Refused("ecdsa-with-SHA256 must have no parameters");
                }
                return new Allowed(SignatureAlgorithm.ECDSA_P256_SHA256, "SHA256withECDSA", null);
            case SM2_SM3:
                if (!GMObjectIdentifiers.sm3.equals(d)) {
                    return new Refused("digest " + d + " is not allowed with an SM2 key (SM3 only)");
                }
                if (!(GMObjectIdentifiers.sm2sign_with_sm3.equals(s) || GMObjectIdentifiers.sm2sign.equals(s))) {
                    return new Refused("signature algorithm " + s + " is not allowed with an SM2 key (SM3withSM2 only)");
                }
                if (!absentOrNull(sigAlg.getParameters())) {
                    return new Refused("SM3withSM2 with unexpected parameters (a non-default signer id?)");
                }
                return new Allowed(SignatureAlgorithm.SM2_SM3, "SM3withSM2", null);
            default:
                return new Refused("unsupported key");
        }
    }

    /** Whether a certificate (or CRL) signature algorithm is strong enough for the chain. */
    public static boolean certificateSignatureAllowed(String sigAlgOid) {
        return CERT_SIGNATURE_ALGORITHMS.contains(new ASN1ObjectIdentifier(sigAlgOid));
    }

    private static Decision pss(AlgorithmIdentifier sigAlg) {
        try {
            RSASSAPSSparams p = RSASSAPSSparams.getInstance(sigAlg.getParameters());
            if (p == null || !NISTObjectIdentifiers.id_sha256.equals(p.getHashAlgorithm().getAlgorithm())
                    || !PKCSObjectIdentifiers.id_mgf1.equals(p.getMaskGenAlgorithm().getAlgorithm())
                    || !NISTObjectIdentifiers.id_sha256.equals(
                    AlgorithmIdentifier.getInstance(p.getMaskGenAlgorithm().getParameters()).getAlgorithm())
                    || !p.getTrailerField().equals(BigInteger.ONE)
                    || p.getSaltLength().intValueExact() != 32) {
                return new Refused("RSASSA-PSS allowed only with SHA-256, MGF1-SHA-256, salt 32");
            }
            return new Allowed(SignatureAlgorithm.RSA_PSS_SHA256, "SHA256withRSAandMGF1",
                    new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        } catch (RuntimeException e) {
            return new Refused("unreadable RSASSA-PSS parameters");
        }
    }

    private static boolean absentOrNull(ASN1Encodable p) {
        return p == null || p instanceof ASN1Null;
    }

}
