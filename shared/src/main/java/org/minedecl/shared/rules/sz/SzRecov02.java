package org.minedecl.shared.rules.sz;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Mineral;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** SZ-RECOV-02: a coal mine whose recovery is below {@code coalRecoveryRate.<SEAM>} (thin 85, medium 80, thick 75). */
public final class SzRecov02 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || d.production() == null || d.mine().mineral() != Mineral.COAL
                || d.mine().coalSeam() == null) {
            return;
        }
        Param min = ctx.param("coalRecoveryRate." + d.mine().coalSeam().name());
        if (RuleSupport.lt(d.production().miningRecoveryRate(), min.decimal())) {
            ctx.report(null, "minRecoveryRate", min, "miningRecoveryRate", d.production().miningRecoveryRate(),
                    "coalSeam", d.mine().coalSeam());
        }
    }
}
