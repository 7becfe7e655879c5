package org.minedecl.shared.rules.zn;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Mineral;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** ZN-CLAY-02: brick clay mined on arable land (占用耕地). */
public final class ZnClay02 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() != null && d.mine().mineral() == Mineral.BRICK_CLAY && RuleSupport.isTrue(d.mine().onArableLand())) {
            ctx.report(null);
        }
    }
}
