package org.minedecl.shared.rules.core;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Licences;
import org.minedecl.shared.rules.LocalizedText;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/** CORE-LIC-01: the mining licence has a number and its validity does not end before it starts. */
public final class CoreLic01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        Licences.MiningLicence m = d.licences() == null ? null : d.licences().mining();
        if (m == null) {
            return;
        }
        if (m.number() != null && m.number().isBlank()) {
            ctx.report("$.licences.mining.number", "problem",
                    new LocalizedText("采矿许可证号为空", "the mining licence number is blank"));
        }
        if (m.validFrom() != null && m.validTo() != null && m.validFrom().isAfter(m.validTo())) {
            ctx.report("$.licences.mining.validTo", "problem", new LocalizedText(
                    "有效期止 " + m.validTo() + " 早于有效期起 " + m.validFrom(),
                    "valid to " + m.validTo() + " is before valid from " + m.validFrom()));
        }
    }
}
