package org.minedecl.shared.rules.core;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * CORE-LATE-01: signed after the deadline ({@code deadlineDays} after the quarter ends): a WARNING however late
 * (1.1: no seed ties a late quarterly declaration to the abnormal list, so the FLAG after 30 days is gone).
 */
public final class CoreLate01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (ctx.periodEnd() == null) {
            return;
        }
        Param deadlineDays = ctx.param("deadlineDays");
        LocalDate deadline = ctx.periodEnd().plusDays(deadlineDays.intValue());
        long late = ChronoUnit.DAYS.between(deadline, ctx.asOf());
        if (late > 0) {
            ctx.report(null, "deadlineDays", deadlineDays, "deadline", deadline, "daysLate", late);
        }
    }
}
