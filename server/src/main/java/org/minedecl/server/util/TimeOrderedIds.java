package org.minedecl.server.util;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Receipt and audit-event ids: UUID version 7 (RFC 9562), 48 bits of Unix milliseconds followed by 74 random
 * bits. Ids made later sort later, so the rows of one submission and the index entries that carry its id are
 * appended at the end of their B-trees instead of landing on a random page each (on H2 every such insert
 * rewrites a page and its parents at commit; on PostgreSQL it dirties one more page for the WAL). The random bits
 * keep an id unguessable; the time it reveals is the receipt time, which the receipt states anyway.
 */
public final class TimeOrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** A new id for something that happened at {@code epochMillis}. */
    public static String next(long epochMillis) {
        byte[] r = new byte[10];
        RANDOM.nextBytes(r);
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | ((r[0] & 0x0FL) << 8) | (r[1] & 0xFFL);
        long lsb = 0x8000_0000_0000_0000L | (r[2] & 0x3FL) << 56;
        for (int i = 3; i < 10; i++) {
            lsb |= (r[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(msb, lsb).toString();
    }
}
