package org.minedecl.shared.signature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * Where a CMS SignedData's bytes must be DER although a parser accepts more (SECURITY-TESTS A12): the signed
 * attributes (the signature is over their DER form, so any other encoding of them is a second, unsigned spelling of
 * the same signature) and the certificates in the bag (a certificate's signature is over its DER
 * TBSCertificate). The outer CMS may be BER. Call only on bytes that passed {@link Asn1Bounds#check}.
 */
public final class CmsEncoding {
    private CmsEncoding() {
    }

    /** What is not DER, if anything. */
    public enum Problem { NONE, SIGNED_ATTRIBUTES, CERTIFICATE }

    /** One element: its tag byte, where it starts, where its content starts and where it ends (after any EOC). */
    private record Tlv(int tag, int start, int content, int end, boolean indefinite) {
    }

    /** Checks the signed attributes of every SignerInfo and every certificate in the bag of {@code cms}. */
    public static Problem check(byte[] cms) {
        try {
            Tlv root = at(cms, 0);
            Tlv explicit = child(cms, root, 1);
            Tlv signedData = child(cms, explicit, 0);
            List<Tlv> parts = children(cms, signedData);
            for (Tlv part : parts) {
                if (part.tag() == 0xA0) { // certificates [0] IMPLICIT CertificateSet
                    for (Tlv cert : children(cms, part)) {
                        if (!isDer(cms, cert, -1)) {
                            return Problem.CERTIFICATE;
                        }
                    }
                }
            }
            Tlv signerInfos = parts.get(parts.size() - 1);
            for (Tlv signerInfo : children(cms, signerInfos)) {
                for (Tlv field : children(cms, signerInfo)) {
                    if (field.tag() == 0xA0 && !isDer(cms, field, 0x31)) { // signedAttrs [0] IMPLICIT SET OF
                        return Problem.SIGNED_ATTRIBUTES;
                    }
                }
            }
            return Problem.NONE;
        } catch (RuntimeException | IOException e) {
            return Problem.NONE; // not the structure expected: the CMS parser that runs first says so
        }
    }

    /** Whether the element's bytes are its DER encoding (read with {@code asTag} as its tag when not -1). */
    private static boolean isDer(byte[] b, Tlv t, int asTag) throws IOException {
        if (t.indefinite()) {
            return false;
        }
        byte[] raw = Arrays.copyOfRange(b, t.start(), t.end());
        if (asTag >= 0) {
            raw[0] = (byte) asTag;
        }
        return Arrays.equals(raw, ASN1Primitive.fromByteArray(raw).getEncoded(ASN1Encoding.DER));
    }

    private static Tlv child(byte[] b, Tlv parent, int index) {
        return children(b, parent).get(index);
    }

    private static List<Tlv> children(byte[] b, Tlv parent) {
        List<Tlv> out = new ArrayList<>();
        int pos = parent.content();
        while (parent.indefinite() ? !(b[pos] == 0 && b[pos + 1] == 0) : pos < parent.end()) {
            Tlv t = at(b, pos);
            out.add(t);
            pos = t.end();
        }
        return out;
    }

    private static Tlv at(byte[] b, int start) {
        int pos = start;
        int tag = b[pos++] & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            while ((b[pos++] & 0x80) != 0) {
                // high tag number: skip its bytes
            }
        }
        int first = b[pos++] & 0xff;
        if (first == 0x80) {
            int p = pos;
            while (!(b[p] == 0 && b[p + 1] == 0)) {
                p = at(b, p).end();
            }
            return new Tlv(tag, start, pos, p + 2, true);
        }
        long len = first;
        if (first > 0x80) {
            len = 0;
            for (int i = 0; i < (first & 0x7f); i++) {
                len = len << 8 | (b[pos++] & 0xff);
            }
        }
        return new Tlv(tag, start, pos, (int) (pos + len), false);
    }
}
