package org.minedecl.shared.rules.sz;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.GreenMine;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/**
 * SZ-GREEN-02: a mine applying for ({@code targetLevel} set) or holding a green-mine listing whose greening
 * coverage of the greenable area is below {@code minGreeningCoverageRate} (100).
 */
public final class SzGreen02 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        GreenMine g = d.greenMine();
        if (g == null || (g.targetLevel() == null && (g.status() == null || !g.status().isListed()))) {
            return;
        }
        Param min = ctx.param("minGreeningCoverageRate");
        if (RuleSupport.lt(g.greeningCoverageRate(), min.decimal())) {
            ctx.report(null, "minGreeningCoverageRate", min, "greeningCoverageRate", g.greeningCoverageRate());
        }
    }
}
