package org.minedecl.shared.rules.zz;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.RectificationCategory;
import org.minedecl.shared.declaration.ScaleClass;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * ZZ-NEW-01 (双控): a new mine (rectification category NEW) must be at least MEDIUM. The declaration carries
 * the production scale class only, so the deposit-scale half of the rule is checked by the regulator.
 */
public final class ZzNew01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() != null && d.mine().rectification() != null
                && d.mine().rectification().category() == RectificationCategory.NEW
                && d.mine().scaleClass() == ScaleClass.SMALL) {
            ctx.report(null, "scaleClass", d.mine().scaleClass());
        }
    }
}
