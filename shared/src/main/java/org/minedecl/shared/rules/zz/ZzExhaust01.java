package org.minedecl.shared.rules.zz;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/**
 * ZZ-EXHAUST-01 (1.1, replaces the retired SX-EXHAUST-01: its basis is Zezhou's own plan): remaining reserves
 * are 0 while the mining licence is still valid at the period end.
 */
public final class ZzExhaust01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || !RuleSupport.isZero(d.mine().remainingReserves()) || ctx.periodEnd() == null
                || d.licences() == null || d.licences().mining() == null) {
            return;
        }
        if (d.licences().mining().validOn(ctx.periodEnd())) {
            ctx.report(null, "validTo", d.licences().mining().validTo());
        }
    }
}
