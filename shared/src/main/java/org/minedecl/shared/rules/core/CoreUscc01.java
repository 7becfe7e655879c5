package org.minedecl.shared.rules.core;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Uscc;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/** CORE-USCC-01: the enterprise's (and the preparer's) 统一社会信用代码 has a correct GB 32100 check character. */
public final class CoreUscc01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.enterprise() != null && d.enterprise().uscc() != null && !Uscc.isValid(d.enterprise().uscc())) {
            ctx.report("$.enterprise.uscc", "uscc", d.enterprise().uscc());
        }
        if (d.preparer() != null && d.preparer().uscc() != null && !Uscc.isValid(d.preparer().uscc())) {
            ctx.report("$.preparer.uscc", "uscc", d.preparer().uscc());
        }
    }
}
