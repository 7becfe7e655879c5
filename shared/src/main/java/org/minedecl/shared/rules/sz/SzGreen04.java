package org.minedecl.shared.rules.sz;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.GreenMineStatus;
import org.minedecl.shared.declaration.ScaleClass;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * SZ-GREEN-04 (1.1): an existing LARGE or MEDIUM mine not yet listed as a green mine (status below
 * COUNTY_LISTED) for a period ending after {@code greenTarget} (2025-12-31): "力争" is a target, so a WARNING.
 */
public final class SzGreen04 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || !Boolean.FALSE.equals(d.mine().isNew()) || d.greenMine() == null
                || d.greenMine().status() == null || ctx.periodEnd() == null) {
            return;
        }
        boolean largeOrMedium = d.mine().scaleClass() == ScaleClass.LARGE || d.mine().scaleClass() == ScaleClass.MEDIUM;
        Param target = ctx.param("greenTarget");
        if (largeOrMedium && ctx.periodEnd().isAfter(target.date())
                && d.greenMine().status().compareTo(GreenMineStatus.COUNTY_LISTED) < 0) {
            ctx.report(null, "greenTarget", target, "status", d.greenMine().status(), "scaleClass",
                    d.mine().scaleClass());
        }
    }
}
