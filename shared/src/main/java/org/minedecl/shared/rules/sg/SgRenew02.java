package org.minedecl.shared.rules.sg;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Disposal;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** SG-RENEW-02 (1.1): a mine to be renewed whose reserves are exhausted (资源枯竭): in principle cancelled and closed. */
public final class SgRenew02 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (SgScope.stoppedWith(d, Disposal.RENEW) && RuleSupport.isZero(d.mine().remainingReserves())) {
            ctx.report(null);
        }
    }
}
