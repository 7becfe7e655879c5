package org.minedecl.shared.rules.core;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.MineStatus;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/**
 * CORE-EQUIP-01: processes or equipment that must be phased out are in use while the mine produces or is
 * being built (1.1: "仍然生产建设的"; a stopped mine with old equipment on site is not this case).
 */
public final class CoreEquip01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.production() == null || !RuleSupport.isTrue(d.production().obsoleteEquipment())) {
            return;
        }
        boolean working = RuleSupport.produced(d) || (d.mine() != null
                && (d.mine().status() == MineStatus.PRODUCING || d.mine().status() == MineStatus.CONSTRUCTION));
        if (working) {
            ctx.report(null);
        }
    }
}
