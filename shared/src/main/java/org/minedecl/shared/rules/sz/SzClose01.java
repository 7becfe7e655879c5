package org.minedecl.shared.rules.sz;

import org.minedecl.shared.declaration.Acceptance;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.MineStatus;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/** SZ-CLOSE-01 (1.1): a CLOSED mine whose restoration acceptance has not PASSED (验收合格后，方可批准闭坑). */
public final class SzClose01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() != null && d.mine().status() == MineStatus.CLOSED && d.restoration() != null
                && d.restoration().acceptance() != null && d.restoration().acceptance() != Acceptance.PASSED) {
            ctx.report(null, "acceptance", d.restoration().acceptance());
        }
    }
}
