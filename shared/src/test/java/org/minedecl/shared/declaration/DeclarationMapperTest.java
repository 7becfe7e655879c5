package org.minedecl.shared.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DeclarationMapperTest {
    private static final Pattern MONEY = Pattern.compile("-?(0|[1-9][0-9]{0,14})\\.[0-9]{2}");

    @Test
    void moneyAcceptsExactlyWhatTheContractPatternAccepts() {
        for (String s : new String[] {"30000.00", "0.00", "-5.10", "999999999999999.99", "1000000000000000.00",
                "30000.5", "30000", "030000.00", "-0.00", "00.00", ".50", "1.005", "-", "", "1e4.00", "3 0.00",
                "-.00", "+1.00", "１.00"}) {
            assertThat(DeclarationMapper.isMoney(s)).as(s).isEqualTo(MONEY.matcher(s).matches());
        }
    }

    @Test
    void datesMustBeRealCalendarDaysInIsoForm() {
        assertThat(DeclarationMapper.isoDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(DeclarationMapper.isoDate("2025-02-29")).isNull();
        assertThat(DeclarationMapper.isoDate("2026-13-01")).isNull();
        assertThat(DeclarationMapper.isoDate("2026-00-10")).isNull();
        assertThat(DeclarationMapper.isoDate("2026-1-10")).isNull();
        assertThat(DeclarationMapper.isoDate("2026/01/10")).isNull();
        assertThat(DeclarationMapper.isoDate("2026-01-1０")).isNull();
    }
}
