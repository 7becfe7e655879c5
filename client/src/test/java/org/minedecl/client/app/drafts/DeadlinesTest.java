package org.minedecl.client.app.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.minedecl.shared.declaration.Period;
import org.minedecl.shared.rules.RuleEngine;

/** The banner's facts: the quarter due now, and the next one with its own deadline. */
class DeadlinesTest {
    final Deadlines deadlines = new Deadlines(RuleEngine.standard());
    static final LocalDate DEC_2 = LocalDate.of(2026, 12, 2);

    @Test
    void onTheSecondOfDecemberWithTheThirdQuarterFiledTheFourthIsDueOnTheFifteenthOfJanuary() {
        Deadlines.Outlook o = deadlines.outlook(DEC_2, "140525", p -> p.toString().equals("2026Q3"));

        assertThat(o.dueFiled()).isTrue();
        assertThat(o.due().period()).hasToString("2026Q3");
        assertThat(o.next().period()).hasToString("2026Q4");
        assertThat(o.next().due()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(o.next().daysLeft()).isEqualTo(44);
    }

    @Test
    void withTheThirdQuarterNotFiledItIsLateAndTheNextIsStillShown() {
        Deadlines.Outlook o = deadlines.outlook(DEC_2, "140525", p -> false);

        assertThat(o.dueFiled()).isFalse();
        assertThat(o.due().due()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(o.due().daysLeft()).isEqualTo(-48);
        assertThat(o.next().period()).isEqualTo(Period.containing(DEC_2));
    }
}
