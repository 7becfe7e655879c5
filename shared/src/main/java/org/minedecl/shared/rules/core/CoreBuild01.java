package org.minedecl.shared.rules.core;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.MineStatus;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** CORE-BUILD-01 (1.1): a mine under construction declares output (以采代建). */
public final class CoreBuild01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() != null && d.mine().status() == MineStatus.CONSTRUCTION && RuleSupport.produced(d)) {
            ctx.report(null, "output", d.production().output());
        }
    }
}
