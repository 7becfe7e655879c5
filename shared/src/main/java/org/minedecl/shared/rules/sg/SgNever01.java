package org.minedecl.shared.rules.sg;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.MineStatus;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/**
 * SG-NEVER-01: a never-produced mine must keep the original landform. Without the previous quarter any damaged
 * area is reported; (1.1) with it, only damage beyond the previous quarter's (new disturbance is what is
 * forbidden; damage already reported is that quarter's finding).
 */
public final class SgNever01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || d.mine().status() != MineStatus.NEVER_PRODUCED || d.restoration() == null
                || !RuleSupport.positive(d.restoration().damagedAreaHa())) {
            return;
        }
        Declaration prev = ctx.previousQuarter();
        if (prev == null || prev.restoration() == null || prev.restoration().damagedAreaHa() == null) {
            ctx.report(null, "damagedAreaHa", d.restoration().damagedAreaHa(), "previousDamagedAreaHa", "-");
        } else if (RuleSupport.gt(d.restoration().damagedAreaHa(), prev.restoration().damagedAreaHa())) {
            ctx.report(null, "damagedAreaHa", d.restoration().damagedAreaHa(), "previousDamagedAreaHa",
                    prev.restoration().damagedAreaHa());
        }
    }
}
