package org.minedecl.shared.rules.zn;

import org.minedecl.shared.declaration.Acceptance;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.MineStatus;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/** ZN-CLOSE-01: a CLOSED mine whose restoration acceptance has not PASSED (闭坑 needs acceptance first). */
public final class ZnClose01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() != null && d.mine().status() == MineStatus.CLOSED && d.restoration() != null
                && d.restoration().acceptance() != null && d.restoration().acceptance() != Acceptance.PASSED) {
            ctx.report(null, "acceptance", d.restoration().acceptance());
        }
    }
}
