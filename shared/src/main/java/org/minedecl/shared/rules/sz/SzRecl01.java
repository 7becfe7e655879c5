package org.minedecl.shared.rules.sz;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Restoration;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/**
 * SZ-RECL-01 (1.1): a producing mine restored nothing this quarter while its damaged area exceeds its restored
 * area (边开采、边治理、边恢复): a WARNING; escalated to FLAG ABNORMAL_LIST when the previous accepted quarter
 * also restored nothing (known only with that quarter's declaration).
 */
public final class SzRecl01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (!RuleSupport.producingWithoutRestoring(d)) {
            return;
        }
        Restoration r = d.restoration();
        Declaration prev = ctx.previousQuarter();
        if (RuleSupport.restoredNothing(prev)) {
            ctx.escalate(null, "damagedAreaHa", r.damagedAreaHa(), "restoredAreaHa", r.restoredAreaHa(),
                    "previousPeriod", prev.period());
        } else {
            ctx.report(null, "damagedAreaHa", r.damagedAreaHa(), "restoredAreaHa", r.restoredAreaHa(),
                    "previousPeriod", "-");
        }
    }
}
