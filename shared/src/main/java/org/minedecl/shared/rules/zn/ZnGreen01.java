package org.minedecl.shared.rules.zn;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.GreenMineStatus;
import org.minedecl.shared.declaration.ScaleClass;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * ZN-GREEN-01: new mines and LARGE or MEDIUM mines must reach the provincial green-mine standard
 * (新建及大中型矿山，必须达到省级绿色矿山建设要求): status below PROVINCE_LISTED is a gap.
 */
public final class ZnGreen01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || d.greenMine() == null || d.greenMine().status() == null) {
            return;
        }
        boolean concerned = Boolean.TRUE.equals(d.mine().isNew()) || d.mine().scaleClass() == ScaleClass.LARGE
                || d.mine().scaleClass() == ScaleClass.MEDIUM;
        if (concerned && d.greenMine().status().compareTo(GreenMineStatus.PROVINCE_LISTED) < 0) {
            ctx.report(null, "status", d.greenMine().status());
        }
    }
}
