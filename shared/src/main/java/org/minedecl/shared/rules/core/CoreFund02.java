package org.minedecl.shared.rules.core;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.RestorationFund;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** CORE-FUND-02: the quarter's deposit falls short of the required amount; states the shortfall in yuan. */
public final class CoreFund02 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        RestorationFund f = d.restorationFund();
        if (f != null && RuleSupport.lt(f.deposited(), f.required())) {
            ctx.report(null, "required", RuleSupport.yuan(f.required()), "deposited", RuleSupport.yuan(f.deposited()),
                    "shortfall", RuleSupport.yuan(f.required().subtract(f.deposited())));
        }
    }
}
