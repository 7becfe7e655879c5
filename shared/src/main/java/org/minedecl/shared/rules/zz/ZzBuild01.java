package org.minedecl.shared.rules.zz;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.MineStatus;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * ZZ-BUILD-01 (1.1, replaces the retired SX-BUILD-01: its basis is Zezhou's own plan): still under construction
 * after the approved construction deadline (extensions included).
 */
public final class ZzBuild01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() != null && d.mine().status() == MineStatus.CONSTRUCTION && d.mine().constructionDeadline() != null
                && ctx.periodEnd() != null && d.mine().constructionDeadline().isBefore(ctx.periodEnd())) {
            ctx.report(null, "constructionDeadline", d.mine().constructionDeadline(), "periodEnd", ctx.periodEnd());
        }
    }
}
