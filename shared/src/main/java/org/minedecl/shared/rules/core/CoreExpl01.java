package org.minedecl.shared.rules.core;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Licences;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/**
 * CORE-EXPL-01 (持勘查许可证采矿): output declared while the only title is an exploration licence, i.e. an
 * exploration licence is declared and the mining licence has no number or only starts after the period.
 */
public final class CoreExpl01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (!RuleSupport.produced(d) || d.licences() == null || d.licences().exploration() == null) {
            return;
        }
        Licences.MiningLicence m = d.licences().mining();
        boolean noMiningTitle = m == null || m.number() == null || m.number().isBlank()
                || (m.validFrom() != null && ctx.periodEnd() != null && m.validFrom().isAfter(ctx.periodEnd()));
        if (noMiningTitle) {
            ctx.report(null, "output", d.production().output());
        }
    }
}
