package org.minedecl.shared.signature;

/**
 * A cheap structural walk over BER/DER bytes before any parser sees them (SECURITY-TESTS A.11): every length
 * must fit its parent, nesting is at most {@link #MAX_DEPTH} and there are at most {@link #MAX_ELEMENTS}
 * elements, so deeply nested or lying ASN.1 costs linear time and no heap.
 */
public final class Asn1Bounds {
    public static final int MAX_DEPTH = 40;
    public static final int MAX_ELEMENTS = 200_000;

    private Asn1Bounds() {
    }

    /** Null when the bytes are one well-bounded element filling the array, else why not. */
    public static String check(byte[] b) {
        try {
            int[] count = {0};
            int end = element(b, 0, b.length, 1, count);
            return end == b.length ? null : "bytes after the ASN.1 structure";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static int element(byte[] b, int pos, int limit, int depth, int[] count) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("ASN.1 nested deeper than " + MAX_DEPTH);
        }
        if (++count[0] > MAX_ELEMENTS) {
            throw new IllegalArgumentException("more than " + MAX_ELEMENTS + " ASN.1 elements");
        }
        if (pos >= limit) {
            throw new IllegalArgumentException("truncated ASN.1");
        }
        int tag = b[pos++] & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            int n = 0;
            while (true) {
                if (pos >= limit || ++n > 4) {
                    throw new IllegalArgumentException("bad ASN.1 tag");
                }
                if ((b[pos++] & 0x80) == 0) {
                    break;
                }
            }
        }
        if (pos >= limit) {
            throw new IllegalArgumentException("truncated ASN.1 length");
        }
        int first = b[pos++] & 0xff;
        boolean constructed = (tag & 0x20) != 0;
        if (first == 0x80) {
            if (!constructed) {
                throw new IllegalArgumentException("indefinite length on a primitive");
            }
            while (true) {
                if (pos + 2 <= limit && b[pos] == 0 && b[pos + 1] == 0) {
                    return pos + 2;
                }
                pos = element(b, pos, limit, depth + 1, count);
            }
        }
        long len;
        if (first < 0x80) {
            len = first;
        } else {
            int n = first & 0x7f;
            if (n > 4) {
                throw new IllegalArgumentException("ASN.1 length too long");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                if (pos >= limit) {
                    throw new IllegalArgumentException("truncated ASN.1 length");
                }
                len = len << 8 | (b[pos++] & 0xff);
            }
        }
        if (len > limit - pos) {
            throw new IllegalArgumentException("ASN.1 length beyond its container");
        }
        int end = pos + (int) len;
        if (constructed) {
            while (pos < end) {
                pos = element(b, pos, end, depth + 1, count);
            }
        }
        return end;
    }
}
