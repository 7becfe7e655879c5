package org.minedecl.shared.rules.sz;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * SZ-EIA-01 (1.1): a new mine that does not declare an approved environmental impact report
 * ({@code restoration.approvals.eia} not true): 应有主管部门批准的环境影响报告书.
 */
public final class SzEia01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || !Boolean.TRUE.equals(d.mine().isNew())) {
            return;
        }
        boolean eia = d.restoration() != null && d.restoration().approvals() != null
                && Boolean.TRUE.equals(d.restoration().approvals().eia());
        if (!eia) {
            ctx.report(null);
        }
    }
}
