package org.minedecl.shared.rules.sg;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.MineStatus;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** SG-NEVER-01: a never-produced mine must keep the original landform: any damaged area is reported. */
public final class SgNever01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() != null && d.mine().status() == MineStatus.NEVER_PRODUCED && d.restoration() != null
                && RuleSupport.positive(d.restoration().damagedAreaHa())) {
            ctx.report(null, "damagedAreaHa", d.restoration().damagedAreaHa());
        }
    }
}
