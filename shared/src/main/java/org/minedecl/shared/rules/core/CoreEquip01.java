package org.minedecl.shared.rules.core;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** CORE-EQUIP-01: processes or equipment that must be phased out are in use. */
public final class CoreEquip01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.production() != null && RuleSupport.isTrue(d.production().obsoleteEquipment())) {
            ctx.report(null);
        }
    }
}
