package org.minedecl.shared.rules.sx;

import java.util.EnumSet;
import java.util.Set;
import org.minedecl.shared.declaration.Mine;
import org.minedecl.shared.declaration.Mineral;
import org.minedecl.shared.declaration.MiningMethod;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;

/**
 * The Shanxi minimum production scale of a mine (万吨/年), shared by SX-SCALE-01/02/03: parameter
 * {@code minScale.<MINERAL>}, or {@code minScale.OPEN_PIT_QUARRY} for building stone and building limestone
 * mined open pit. Null when Shanxi sets no minimum for the mine.
 */
final class SxMinimumScale {
    private static final Set<Mineral> QUARRY = EnumSet.of(Mineral.BUILDING_STONE, Mineral.BUILDING_LIMESTONE);

    private SxMinimumScale() {
    }

    static Param of(Mine m, RuleContext ctx) {
        if (m == null || m.mineral() == null) {
            return null;
        }
        if (QUARRY.contains(m.mineral())) {
            return m.miningMethod() == MiningMethod.OPEN_PIT ? ctx.paramOrNull("minScale.OPEN_PIT_QUARRY") : null;
        }
        return ctx.paramOrNull("minScale." + m.mineral().name());
    }

    /** The minimum when the mine's design scale is below it, else null. */
    static Param shortfall(Mine m, RuleContext ctx) {
        Param min = of(m, ctx);
        return min != null && m.designScale() != null && m.designScale().compareTo(min.decimal()) < 0 ? min : null;
    }
}
