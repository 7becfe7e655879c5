package org.minedecl.shared.rules.zn;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Mineral;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** ZN-CLAY-01: a new brick clay mine designed below {@code brickClayMinScale} (8 万吨/年). */
public final class ZnClay01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || d.mine().mineral() != Mineral.BRICK_CLAY || !Boolean.TRUE.equals(d.mine().isNew())) {
            return;
        }
        Param min = ctx.param("brickClayMinScale");
        if (RuleSupport.lt(d.mine().designScale(), min.decimal())) {
            ctx.report(null, "minScale", min, "designScale", d.mine().designScale());
        }
    }
}
