package org.minedecl.shared.rules.sx;

import java.math.BigDecimal;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/**
 * SX-LIFE-02 (1.1): a new, rebuilt or expanded mine ({@code isNew} true) whose service life (reserves / design
 * scale, construction period excluded) is below {@code minServiceLifeYears}: 新改扩建后服务年限不少于5年.
 */
public final class SxLife02 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || !Boolean.TRUE.equals(d.mine().isNew())) {
            return;
        }
        BigDecimal life = RuleSupport.serviceLifeYears(d.mine());
        Param min = ctx.param("minServiceLifeYears");
        if (life != null && life.compareTo(min.decimal()) < 0) {
            ctx.report(null, "minServiceLifeYears", min, "serviceLifeYears", life,
                    "remainingReserves", d.mine().remainingReserves(), "designScale", d.mine().designScale());
        }
    }
}
