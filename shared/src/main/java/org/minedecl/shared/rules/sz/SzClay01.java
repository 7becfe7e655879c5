package org.minedecl.shared.rules.sz;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Mineral;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** SZ-CLAY-01 (1.1): brick clay mined on arable land (禁止在耕地范围内开采砖瓦用黏土). */
public final class SzClay01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() != null && d.mine().mineral() == Mineral.BRICK_CLAY && RuleSupport.isTrue(d.mine().onArableLand())) {
            ctx.report(null);
        }
    }
}
