package org.minedecl.shared.rules.zz;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.RectificationCategory;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/**
 * ZZ-CLOSED-01 (1.1): a mine classed CLOSE or EXIT declares output for a period ending after the end of the
 * 整治 ({@code rectificationDeadline}, 2025-12-31): producing after the closure timetable ran out.
 */
public final class ZzClosed01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || d.mine().rectification() == null || ctx.periodEnd() == null
                || !RuleSupport.produced(d)) {
            return;
        }
        RectificationCategory c = d.mine().rectification().category();
        Param deadline = ctx.param("rectificationDeadline");
        if ((c == RectificationCategory.CLOSE || c == RectificationCategory.EXIT)
                && ctx.periodEnd().isAfter(deadline.date())) {
            ctx.report("$.production.output", "rectificationDeadline", deadline, "category", c,
                    "output", d.production().output());
        }
    }
}
