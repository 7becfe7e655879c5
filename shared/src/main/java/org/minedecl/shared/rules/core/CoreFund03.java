package org.minedecl.shared.rules.core;

import java.math.BigDecimal;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.RestorationFund;
import org.minedecl.shared.rules.LocalizedText;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** CORE-FUND-03: the fund cannot go negative, and more cannot be used than was available. */
public final class CoreFund03 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        RestorationFund f = d.restorationFund();
        if (f == null) {
            return;
        }
        if (f.closingBalance() != null && f.closingBalance().signum() < 0) {
            ctx.report("$.restorationFund.closingBalance", "amount", RuleSupport.yuan(f.closingBalance()),
                    "problem", new LocalizedText("期末余额为负", "the closing balance is negative"));
        }
        if (f.used() != null && f.openingBalance() != null && f.deposited() != null) {
            BigDecimal available = f.openingBalance().add(f.deposited());
            if (f.used().compareTo(available) > 0) {
                ctx.report("$.restorationFund.used", "amount", RuleSupport.yuan(f.used()), "problem",
                        new LocalizedText("使用额超过期初余额与本期存入之和 " + RuleSupport.yuan(available) + " 元",
                                "more was used than the " + RuleSupport.yuan(available)
                                        + " yuan available (opening balance + deposited)"));
            }
        }
    }
}
