package org.minedecl.shared.rules.sx;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/** SX-SCALE-03: a new, rebuilt or expanded mine designed below its mineral's minimum scale. */
public final class SxScale03 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || !Boolean.TRUE.equals(d.mine().isNew())) {
            return;
        }
        Param min = SxMinimumScale.shortfall(d.mine(), ctx);
        if (min != null) {
            ctx.report(null, "minScale", min, "designScale", d.mine().designScale(), "mineral", d.mine().mineral());
        }
    }
}
