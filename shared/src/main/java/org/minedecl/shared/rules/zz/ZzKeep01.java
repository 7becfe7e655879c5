package org.minedecl.shared.rules.zz;

import java.math.BigDecimal;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Mine;
import org.minedecl.shared.declaration.RectificationCategory;
import org.minedecl.shared.declaration.ScaleClass;
import org.minedecl.shared.rules.LocalizedText;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/**
 * ZZ-KEEP-01: a mine classed UPGRADE (提升改造) that, as upgraded, is still SMALL or has less than
 * {@code minServiceLifeYears} of service life: it cannot be kept on its own.
 */
public final class ZzKeep01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        Mine m = d.mine();
        if (m == null || m.rectification() == null || m.rectification().category() != RectificationCategory.UPGRADE) {
            return;
        }
        Param minLife = ctx.param("minServiceLifeYears");
        BigDecimal life = RuleSupport.serviceLifeYears(m);
        if (m.scaleClass() == ScaleClass.SMALL) {
            ctx.report("$.mine.scaleClass", "minServiceLifeYears", minLife, "scaleClass", m.scaleClass(),
                    "problem", new LocalizedText("改造后仍为小型", "it is still SMALL after the upgrade"));
        } else if (life != null && life.compareTo(minLife.decimal()) < 0) {
            ctx.report("$.mine.remainingReserves", "minServiceLifeYears", minLife, "serviceLifeYears", life,
                    "problem", new LocalizedText("服务年限 " + life.toPlainString() + " 年不足",
                            "its service life of " + life.toPlainString() + " years is too short"));
        }
    }
}
