package org.minedecl.shared.rules.sz;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Mine;
import org.minedecl.shared.declaration.Mineral;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * SZ-NEWSCALE-01: a new mine below the Shuozhou minimum scale, parameter {@code newMinScale.<MINERAL>}
 * ({@code newMinScale.COAL_OPEN_PIT} / {@code COAL_UNDERGROUND} for coal by mining method).
 */
public final class SzNewscale01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        Mine m = d.mine();
        if (m == null || !Boolean.TRUE.equals(m.isNew()) || m.mineral() == null || m.designScale() == null) {
            return;
        }
        String key = m.mineral() == Mineral.COAL
                ? (m.miningMethod() == null ? null : "COAL_" + m.miningMethod().name())
                : m.mineral().name();
        Param min = key == null ? null : ctx.paramOrNull("newMinScale." + key);
        if (min != null && m.designScale().compareTo(min.decimal()) < 0) {
            ctx.report(null, "minScale", min, "designScale", m.designScale(), "mineral", m.mineral());
        }
    }
}
