package org.minedecl.shared.signature;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;

/**
 * The signature algorithms a package may be signed with (CONTRACTS section 3): RSA PKCS#1 v1.5 or PSS with
 * SHA-256, ECDSA P-256 with SHA-256, SM2 with SM3 (GM/T 0009/0010, 国密).
 */
public enum SignatureAlgorithm {
    RSA_SHA256("SHA256withRSA", NISTObjectIdentifiers.id_sha256),
    RSA_PSS_SHA256("SHA256withRSAandMGF1", NISTObjectIdentifiers.id_sha256),
    ECDSA_P256_SHA256("SHA256withECDSA", NISTObjectIdentifiers.id_sha256),
    SM2_SM3("SM3withSM2", GMObjectIdentifiers.sm3);

    private final String jcaName;
    private final ASN1ObjectIdentifier digestOid;

    SignatureAlgorithm(String jcaName, ASN1ObjectIdentifier digestOid) {
        this.jcaName = jcaName;
        this.digestOid = digestOid;
    }

    /** The JCA signature name (BouncyCastle and SunPKCS11 both know it). */
    public String jcaName() {
        return jcaName;
    }

    /** The digest used for the CMS message-digest attribute. */
    public ASN1ObjectIdentifier digestOid() {
        return digestOid;
    }

    /** The algorithm for a signing certificate's key: RSA (PSS when asked), EC P-256, or SM2. */
    public static SignatureAlgorithm forKey(PublicKey key, boolean pss) {
        if (key instanceof RSAPublicKey) {
            return pss ? RSA_PSS_SHA256 : RSA_SHA256;
        }
        if (key instanceof ECPublicKey || "EC".equals(key.getAlgorithm())) {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            Object params = spki.getAlgorithm().getParameters();
            if (GMObjectIdentifiers.sm2p256v1.equals(params)) {
                return SM2_SM3;
            }
            if (SECObjectIdentifiers.secp256r1.equals(params) || X9ObjectIdentifiers.prime256v1.equals(params)) {
                return ECDSA_P256_SHA256;
            }
            throw new IllegalArgumentException("unsupported elliptic curve: " + params);
        }
        throw new IllegalArgumentException("unsupported key algorithm: " + key.getAlgorithm());
    }
}
