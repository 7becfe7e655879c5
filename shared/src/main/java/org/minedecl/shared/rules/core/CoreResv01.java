package org.minedecl.shared.rules.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * CORE-RESV-01 (1.1): the remaining reserves differ from the previous quarter's minus this quarter's output by
 * more than {@code reserveTolerancePct} percent of that expected value (资源不清、储量不实). Silent when the
 * previous quarter is not known.
 */
public final class CoreResv01 implements RuleLogic {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public void check(Declaration d, RuleContext ctx) {
        Declaration prev = ctx.previousQuarter();
        if (prev == null || prev.mine() == null || prev.mine().remainingReserves() == null || d.mine() == null
                || d.mine().remainingReserves() == null || d.production() == null
                || d.production().output() == null) {
            return;
        }
        Param pct = ctx.param("reserveTolerancePct");
        BigDecimal expected = prev.mine().remainingReserves().subtract(d.production().output());
        BigDecimal difference = d.mine().remainingReserves().subtract(expected).abs();
        BigDecimal tolerance = expected.abs().multiply(pct.decimal()).divide(HUNDRED);
        if (difference.compareTo(tolerance) > 0) {
            ctx.report(null, "reserveTolerancePct", pct, "previousPeriod", prev.period(),
                    "previousReserves", prev.mine().remainingReserves(), "output", d.production().output(),
                    "expected", expected.stripTrailingZeros().toPlainString(),
                    "declared", d.mine().remainingReserves(),
                    "differencePct", expected.signum() == 0 ? "-" : difference.multiply(HUNDRED)
                            .divide(expected.abs(), 1, RoundingMode.HALF_UP).toPlainString());
        }
    }
}
