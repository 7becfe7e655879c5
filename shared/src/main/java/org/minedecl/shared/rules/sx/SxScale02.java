package org.minedecl.shared.rules.sx;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * SX-SCALE-02: an existing mine still below its mineral's minimum scale for a period ending after the
 * deadline {@code scaleDeadline} (2025-12-31): its mining licence is not to be extended (一律不再延期).
 */
public final class SxScale02 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || !Boolean.FALSE.equals(d.mine().isNew()) || ctx.periodEnd() == null) {
            return;
        }
        Param deadline = ctx.param("scaleDeadline");
        Param min = SxMinimumScale.shortfall(d.mine(), ctx);
        if (min != null && ctx.periodEnd().isAfter(deadline.date())) {
            ctx.report(null, "minScale", min, "designScale", d.mine().designScale(), "scaleDeadline", deadline,
                    "mineral", d.mine().mineral());
        }
    }
}
