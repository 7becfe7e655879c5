package org.minedecl.shared.rules.zz;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.MineStatus;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * ZZ-STOP-01 (1.1, replaces the retired SX-STOP-01: its basis is Zezhou's own plan): stopped for longer than
 * {@code longStopMonths} (the seeds say 长期 without a number; default 12,
 * a county pack may set it), measured from {@code mine.stoppedSince} to the signing date.
 */
public final class ZzStop01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || d.mine().status() != MineStatus.STOPPED || d.mine().stoppedSince() == null) {
            return;
        }
        Param months = ctx.param("longStopMonths");
        LocalDate since = d.mine().stoppedSince();
        if (ctx.asOf().isAfter(since.plusMonths(months.intValue()))) {
            ctx.report(null, "longStopMonths", months, "stoppedSince", since,
                    "monthsStopped", ChronoUnit.MONTHS.between(since, ctx.asOf()));
        }
    }
}
