package org.minedecl.shared.rules.sz;

import java.util.EnumSet;
import java.util.Set;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Mineral;
import org.minedecl.shared.declaration.ScaleClass;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/** SZ-SMALL-01: no new small sand, gravel, stone or clay mines (原则上不得新建小型). */
public final class SzSmall01 implements RuleLogic {
    static final Set<Mineral> SAND_GRAVEL_CLAY = EnumSet.of(Mineral.BUILDING_STONE, Mineral.CONSTRUCTION_SAND,
            Mineral.BRICK_CLAY, Mineral.BUILDING_LIMESTONE);

    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() != null && Boolean.TRUE.equals(d.mine().isNew()) && SAND_GRAVEL_CLAY.contains(d.mine().mineral())
                && d.mine().scaleClass() == ScaleClass.SMALL) {
            ctx.report(null, "mineral", d.mine().mineral());
        }
    }
}
