package org.minedecl.server.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        long t = 1_791_000_000_123L; // 2026-10-03
        UUID id = UUID.fromString(TimeOrderedIds.next(t));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(t);
        assertThat(id.toString()).hasSize(36).isLowerCase();
    }

    @Test
    void laterIdsSortLaterAsTextAndNoneRepeats() {
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (long t = 1_791_000_000_000L; t < 1_791_000_000_000L + 2000; t++) {
            String a = TimeOrderedIds.next(t);
            String b = TimeOrderedIds.next(t);
            ids.add(a);
            assertThat(seen.add(a)).isTrue();
            assertThat(seen.add(b)).isTrue();
        }
        assertThat(ids).isSorted();
    }

    @Test
    void theBitsAfterTheTimeAreRandom() {
        Set<Long> lows = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            lows.add(UUID.fromString(TimeOrderedIds.next(42)).getLeastSignificantBits());
        }
        assertThat(lows).hasSize(1000);
    }
}
