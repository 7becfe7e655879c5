package org.minedecl.shared.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeriodTest {
    @Test
    void onlyFourDigitsQAndOneToFourAreAQuarter() {
        assertThat(Period.parse("2026Q3")).contains(new Period(2026, 3));
        assertThat(Period.parse("0001Q1")).contains(new Period(1, 1));
        for (String bad : new String[] {"0000Q1", "2026Q0", "2026Q5", "2026q3", "226Q3", "20260Q3", "2026Q3 ",
            "２０２６Q3", "2026-Q3", "", "abcdQ1"}) {
            assertThat(Period.parse(bad)).as(bad).isEmpty();
        }
        assertThat(Period.parse(null)).isEmpty();
    }
}
