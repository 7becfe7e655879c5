package org.minedecl.shared.rules.core;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Licences;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** CORE-SAFE-01: the mine produced without a safety production licence valid at the end of the period. */
public final class CoreSafe01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (!RuleSupport.produced(d) || ctx.periodEnd() == null || d.licences() == null) {
            return;
        }
        Licences.Licence s = d.licences().safety();
        if (s == null) {
            ctx.report(null, "periodEnd", ctx.periodEnd(), "validTo", "-");
        } else if (s.validFrom() != null && s.validTo() != null && !s.validOn(ctx.periodEnd())) {
            ctx.report("$.licences.safety.validTo", "periodEnd", ctx.periodEnd(), "validTo", s.validTo());
        }
    }
}
