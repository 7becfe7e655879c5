package org.minedecl.shared.pkg;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cms.SignerInformation;

/**
 * What makes two packages "the same filing" (CONTRACTS section 5): the manifest that was signed and the signature
 * value over it. ZIP metadata, entry order, compression, and the unsigned parts of the CMS (its version, the
 * digestAlgorithms set, the certificates bag) are not part of it, so a re-zipped or re-encoded copy of an accepted
 * package has the same key and is answered with the original receipt instead of a second filing or a 409.
 *
 * <p>An ECDSA signature (r, s) has a twin anybody can compute without the key, (r, n - s), which verifies as well:
 * the key takes the low one of the two (s at most n/2), so the twin is the same filing. SM2 has no such twin
 * (s enters its check through t = r + s, so n - s does not verify), and RSA signatures are taken as they are.
 */
public final class SignedContentKey {
    /** The order of the P-256 group, the one curve allowed for ECDSA. */
    private static final BigInteger P256_N = SECNamedCurves.getByOID(SECObjectIdentifiers.secp256r1).getN();

    private SignedContentKey() {
    }

    /** The key of a verified signer's signature over {@code manifest}. */
    public static String of(byte[] manifest, SignerInformation signer) {
        return of(manifest, normalised(signer.getEncryptionAlgOID(), signer.getSignature()));
    }

    /** Hex SHA-256 over the manifest's length and bytes, then the (normalised) signature value's. */
    public static String of(byte[] manifest, byte[] signatureValue) {
        MessageDigest md = PackageWriter.sha256();
        md.update(ByteBuffer.allocate(8).putLong(manifest.length).array());
        md.update(manifest);
        md.update(ByteBuffer.allocate(8).putLong(signatureValue.length).array());
        md.update(signatureValue);
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The signature value as the key takes it: for ECDSA with SHA-256, the DER {@code SEQUENCE {r, s}} with s
     * replaced by n - s when it is above n/2; any other value as it is.
     */
    static byte[] normalised(String signatureAlgorithmOid, byte[] value) {
        if (!X9ObjectIdentifiers.ecdsa_with_SHA256.getId().equals(signatureAlgorithmOid)) {
            return value;
        }
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(value));
            if (seq.size() != 2) {
                return value;
            }
            BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
            if (s.signum() <= 0 || s.compareTo(P256_N) >= 0 || s.compareTo(P256_N.shiftRight(1)) <= 0) {
                return value;
            }
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(P256_N.subtract(s))})
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException | RuntimeException notAnEcdsaValue) {
            return value; // such a value did not verify; the key is only asked of verified signatures
        }
    }
}
