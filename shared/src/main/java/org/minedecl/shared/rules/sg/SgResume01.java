package org.minedecl.shared.rules.sg;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.MineStatus;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/**
 * SG-RESUME-01 (1.1): a stopped or never-produced mine declares output: production resumed without the
 * multi-department joint review (恢复生产需按照多部门联审联批).
 */
public final class SgResume01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() != null && (d.mine().status() == MineStatus.STOPPED
                || d.mine().status() == MineStatus.NEVER_PRODUCED) && RuleSupport.produced(d)) {
            ctx.report(null, "status", d.mine().status(), "output", d.production().output());
        }
    }
}
