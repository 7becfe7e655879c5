package org.minedecl.shared.testpki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;

/**
 * The second signature value anybody can derive from an (EC)DSA-shaped one without the key: (r, s) becomes
 * (r, n - s). For ECDSA it verifies as well (the same filing, CONTRACTS section 5); for SM2 it does not.
 */
public final class SignatureTwins {
    public static final BigInteger P256_N = SECNamedCurves.getByOID(SECObjectIdentifiers.secp256r1).getN();
    public static final BigInteger SM2_N = GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1).getN();

    private SignatureTwins() {
    }

    /** The order of the group of a test PKI's EC or SM2 keys. */
    public static BigInteger order(TestPki.KeyAlg alg) {
        return switch (alg) {
            case EC -> P256_N;
            case SM2 -> SM2_N;
            case RSA -> throw new IllegalArgumentException("RSA has no (r, s)");
        };
    }

    /** The s of the one SignerInfo's signature value in a CMS SignedData. */
    public static BigInteger s(byte[] p7s) {
        return ASN1Integer.getInstance(rs(signerInfo(p7s)).getObjectAt(1)).getValue();
    }

    /** The CMS SignedData with its one SignerInfo's signature value (r, s) replaced by (r, n - s), in DER. */
    public static byte[] negatedS(byte[] p7s, BigInteger n) {
        try {
            ContentInfo ci = ContentInfo.getInstance(ASN1Primitive.fromByteArray(p7s));
            SignedData sd = SignedData.getInstance(ci.getContent());
            SignerInfo si = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
            ASN1Sequence rs = rs(si);
            BigInteger r = ASN1Integer.getInstance(rs.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(rs.getObjectAt(1)).getValue();
            byte[] twin = new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(n.subtract(s))})
                    .getEncoded(ASN1Encoding.DER);
            SignerInfo changed = new SignerInfo(si.getSID(), si.getDigestAlgorithm(), si.getAuthenticatedAttributes(),
                    si.getDigestEncryptionAlgorithm(), new DEROctetString(twin), si.getUnauthenticatedAttributes());
            ASN1EncodableVector infos = new ASN1EncodableVector();
            infos.add(changed);
            SignedData out = new SignedData(sd.getDigestAlgorithms(), sd.getEncapContentInfo(), sd.getCertificates(),
                    sd.getCRLs(), new DERSet(infos));
            return new ContentInfo(CMSObjectIdentifiers.signedData, out).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The package with its {@code META-INF/signature.p7s} rewritten by {@code change}; every entry stored, in order. */
    public static byte[] withSignature(byte[] asice, UnaryOperator<byte[]> change) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(asice))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.computeIfPresent("META-INF/signature.p7s", (k, v) -> change.apply(v));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> en : entries.entrySet()) {
                ZipEntry e = new ZipEntry(en.getKey());
                CRC32 crc = new CRC32();
                crc.update(en.getValue());
                e.setMethod(ZipEntry.STORED);
                e.setSize(en.getValue().length);
                e.setCrc(crc.getValue());
                z.putNextEntry(e);
                z.write(en.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static SignerInfo signerInfo(byte[] p7s) {
        try {
            SignedData sd = SignedData.getInstance(ContentInfo.getInstance(ASN1Primitive.fromByteArray(p7s))
                    .getContent());
            return SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ASN1Sequence rs(SignerInfo si) {
        try {
            return ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(si.getEncryptedDigest().getOctets()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
