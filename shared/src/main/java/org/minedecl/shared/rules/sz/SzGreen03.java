package org.minedecl.shared.rules.sz;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.GreenMineStatus;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/** SZ-GREEN-03: a new mine not planned to the green-mine standard (green-mine status NOT_STARTED). */
public final class SzGreen03 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() != null && Boolean.TRUE.equals(d.mine().isNew()) && d.greenMine() != null
                && d.greenMine().status() == GreenMineStatus.NOT_STARTED) {
            ctx.report(null);
        }
    }
}
