package org.minedecl.shared.rules.core;

import java.util.EnumSet;
import java.util.Set;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.MineStatus;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** CORE-RECL-01: a producing, building or stopped mine has no filed restoration and reclamation plan. */
public final class CoreRecl01 implements RuleLogic {
    private static final Set<MineStatus> ACTIVE = EnumSet.of(MineStatus.PRODUCING, MineStatus.CONSTRUCTION,
            MineStatus.STOPPED);

    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() != null && ACTIVE.contains(d.mine().status()) && d.restoration() != null
                && RuleSupport.isFalse(d.restoration().planFiled())) {
            ctx.report(null, "status", d.mine().status());
        }
    }
}
