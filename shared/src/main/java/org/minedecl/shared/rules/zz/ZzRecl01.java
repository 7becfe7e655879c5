package org.minedecl.shared.rules.zz;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.RectificationCategory;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** ZZ-RECL-01: a mine classed CLOSE or EXIT without a filed restoration plan: the holder keeps the duty. */
public final class ZzRecl01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || d.mine().rectification() == null || d.restoration() == null) {
            return;
        }
        RectificationCategory c = d.mine().rectification().category();
        if ((c == RectificationCategory.CLOSE || c == RectificationCategory.EXIT)
                && RuleSupport.isFalse(d.restoration().planFiled())) {
            ctx.report(null, "category", c);
        }
    }
}
