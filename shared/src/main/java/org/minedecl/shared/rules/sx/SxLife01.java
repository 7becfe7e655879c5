package org.minedecl.shared.rules.sx;

import java.math.BigDecimal;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.MineStatus;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/**
 * SX-LIFE-01: remaining service life (remaining reserves / design scale, construction period excluded) below
 * {@code minServiceLifeYears}, for an existing mine (1.1: {@code isNew} false; a new one is SX-LIFE-02's case).
 * Exhausted reserves are ZZ-EXHAUST-01's case, closed mines are past exiting. Severity and disposition are
 * pack parameters: SX reports a WARNING, SZ and ZZ set what follows.
 */
public final class SxLife01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || !Boolean.FALSE.equals(d.mine().isNew()) || d.mine().status() == MineStatus.CLOSED
                || !RuleSupport.positive(d.mine().remainingReserves())) {
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
