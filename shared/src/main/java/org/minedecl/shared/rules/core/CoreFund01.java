package org.minedecl.shared.rules.core;

import java.math.BigDecimal;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.RestorationFund;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** CORE-FUND-01: closing balance = opening balance + deposited - used, exactly. */
public final class CoreFund01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        RestorationFund f = d.restorationFund();
        if (f == null || f.openingBalance() == null || f.deposited() == null || f.used() == null
                || f.closingBalance() == null) {
            return;
        }
        BigDecimal expected = f.openingBalance().add(f.deposited()).subtract(f.used());
        if (expected.compareTo(f.closingBalance()) != 0) {
            ctx.report(null, "expected", RuleSupport.yuan(expected), "declared", RuleSupport.yuan(f.closingBalance()),
                    "difference", RuleSupport.yuan(f.closingBalance().subtract(expected)));
        }
    }
}
