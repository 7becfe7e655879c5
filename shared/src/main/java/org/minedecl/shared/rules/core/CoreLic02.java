package org.minedecl.shared.rules.core;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Licences;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** CORE-LIC-02: the mine produced although its mining licence expired before the end of the period. */
public final class CoreLic02 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        Licences.MiningLicence m = d.licences() == null ? null : d.licences().mining();
        if (m != null && m.validTo() != null && ctx.periodEnd() != null && m.validTo().isBefore(ctx.periodEnd())
                && RuleSupport.produced(d)) {
            ctx.report(null, "validTo", m.validTo(), "periodEnd", ctx.periodEnd(), "output", d.production().output());
        }
    }
}
