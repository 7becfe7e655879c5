package org.minedecl.shared.rules.core;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Period;
import org.minedecl.shared.rules.LocalizedText;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/**
 * CORE-CONS-01: against the accepted declaration of the same mining licence for the quarter just before, the
 * opening balance must equal its closing balance and the restored area must not shrink. Silent when that
 * quarter is not known (a gap of a quarter could explain any difference).
 */
public final class CoreCons01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        Declaration prev = ctx.previousQuarter();
        if (prev == null) {
            return;
        }
        Period before = prev.parsedPeriod();
        if (d.restorationFund() != null && prev.restorationFund() != null
                && d.restorationFund().openingBalance() != null && prev.restorationFund().closingBalance() != null
                && d.restorationFund().openingBalance().compareTo(prev.restorationFund().closingBalance()) != 0) {
            ctx.report("$.restorationFund.openingBalance", "previousPeriod", before.toString(),
                    "previous", RuleSupport.yuan(prev.restorationFund().closingBalance()),
                    "declared", RuleSupport.yuan(d.restorationFund().openingBalance()),
                    "problem", new LocalizedText("期初余额与上期期末余额不一致",
                            "the opening balance differs from the previous closing balance"));
        }
        if (d.restoration() != null && prev.restoration() != null
                && RuleSupport.lt(d.restoration().restoredAreaHa(), prev.restoration().restoredAreaHa())) {
            ctx.report("$.restoration.restoredAreaHa", "previousPeriod", before.toString(),
                    "previous", prev.restoration().restoredAreaHa(), "declared", d.restoration().restoredAreaHa(),
                    "problem", new LocalizedText("已治理面积比上期减少", "the restored area decreased"));
        }
    }
}
