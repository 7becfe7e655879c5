package org.minedecl.shared.rules.sz;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** SZ-GREEN-01: wastewater reuse below {@code minWastewaterReuseRate} without zero discharge. */
public final class SzGreen01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.greenMine() == null || RuleSupport.isTrue(d.greenMine().zeroDischarge())) {
            return;
        }
        Param min = ctx.param("minWastewaterReuseRate");
        if (RuleSupport.lt(d.greenMine().wastewaterReuseRate(), min.decimal())) {
            ctx.report(null, "minWastewaterReuseRate", min, "wastewaterReuseRate", d.greenMine().wastewaterReuseRate());
        }
    }
}
