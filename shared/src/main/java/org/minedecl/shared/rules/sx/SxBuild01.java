package org.minedecl.shared.rules.sx;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.MineStatus;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/** SX-BUILD-01: still under construction after the approved construction deadline (extensions included). */
public final class SxBuild01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() != null && d.mine().status() == MineStatus.CONSTRUCTION && d.mine().constructionDeadline() != null
                && ctx.periodEnd() != null && d.mine().constructionDeadline().isBefore(ctx.periodEnd())) {
            ctx.report(null, "constructionDeadline", d.mine().constructionDeadline(), "periodEnd", ctx.periodEnd());
        }
    }
}
