package org.minedecl.shared.rules.core;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Licences;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/** CORE-LIC-03: the mining licence expires within {@code renewalLeadDays} after the period end. */
public final class CoreLic03 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        Licences.MiningLicence m = d.licences() == null ? null : d.licences().mining();
        if (m == null || m.validTo() == null || ctx.periodEnd() == null) {
            return;
        }
        Param lead = ctx.param("renewalLeadDays");
        if (!m.validTo().isBefore(ctx.periodEnd()) && !m.validTo().isAfter(ctx.periodEnd().plusDays(lead.intValue()))) {
            ctx.report(null, "renewalLeadDays", lead, "validTo", m.validTo(), "periodEnd", ctx.periodEnd());
        }
    }
}
