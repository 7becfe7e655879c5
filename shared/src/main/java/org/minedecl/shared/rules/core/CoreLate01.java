package org.minedecl.shared.rules.core;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.Disposition;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.Severity;

/**
 * CORE-LATE-01: signed after the deadline ({@code deadlineDays} after the quarter ends): a WARNING, escalated
 * to FLAG {@code ABNORMAL_LIST} when more than {@code abnormalAfterDaysLate} days late.
 */
public final class CoreLate01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (ctx.periodEnd() == null) {
            return;
        }
        Param deadlineDays = ctx.param("deadlineDays");
        Param flagAfter = ctx.param("abnormalAfterDaysLate");
        LocalDate deadline = ctx.periodEnd().plusDays(deadlineDays.intValue());
        long late = ChronoUnit.DAYS.between(deadline, ctx.asOf());
        if (late <= 0) {
            return;
        }
        Object[] facts = {"deadlineDays", deadlineDays, "abnormalAfterDaysLate", flagAfter, "deadline", deadline,
                "daysLate", late};
        if (late > flagAfter.intValue()) {
            ctx.reportAs(Severity.FLAG, Disposition.ABNORMAL_LIST, null, facts);
        } else {
            ctx.report(null, facts);
        }
    }
}
