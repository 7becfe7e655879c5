package org.minedecl.shared.rules.sz;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.MiningMethod;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/**
 * SZ-RECOV-01: a new (1.1: {@code isNew} true only; the clause sets the rate for 新建矿山) open-pit sand, gravel
 * or clay mine with a mining recovery rate below {@code minRecoveryRate}.
 */
public final class SzRecov01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || d.production() == null || !Boolean.TRUE.equals(d.mine().isNew())
                || !SzSmall01.SAND_GRAVEL_CLAY.contains(d.mine().mineral())
                || d.mine().miningMethod() != MiningMethod.OPEN_PIT) {
            return;
        }
        Param min = ctx.param("minRecoveryRate");
        if (RuleSupport.lt(d.production().miningRecoveryRate(), min.decimal())) {
            ctx.report(null, "minRecoveryRate", min, "miningRecoveryRate", d.production().miningRecoveryRate());
        }
    }
}
