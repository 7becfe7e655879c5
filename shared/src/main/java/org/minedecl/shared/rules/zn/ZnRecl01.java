package org.minedecl.shared.rules.zn;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Restoration;
import org.minedecl.shared.rules.LocalizedText;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/**
 * ZN-RECL-01: restoration obligations not met. The plan not filed: FLAG ABNORMAL_LIST (the escalation). A
 * producing mine that restored nothing this quarter while its damaged area exceeds its restored area
 * (边开采、边治理): a WARNING (1.1: one quarter alone no longer lists), escalated when the previous accepted
 * quarter also restored nothing.
 */
public final class ZnRecl01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        Restoration r = d.restoration();
        if (r == null) {
            return;
        }
        if (RuleSupport.isFalse(r.planFiled())) {
            ctx.escalate("$.restoration.planFiled", "problem",
                    new LocalizedText("未备案治理恢复与土地复垦方案", "no restoration and reclamation plan is filed"));
        } else if (RuleSupport.producingWithoutRestoring(d)) {
            Declaration prev = ctx.previousQuarter();
            boolean again = RuleSupport.restoredNothing(prev);
            LocalizedText problem = new LocalizedText(
                    "生产矿山本季度治理面积为 0，损毁面积 " + r.damagedAreaHa().toPlainString() + " 公顷仍大于已治理 "
                            + r.restoredAreaHa().toPlainString() + " 公顷（未做到边开采、边治理）"
                            + (again ? "；上一季度 " + prev.period() + " 也未治理" : ""),
                    "a producing mine restored nothing this quarter while " + r.damagedAreaHa().toPlainString()
                            + " ha are damaged and only " + r.restoredAreaHa().toPlainString() + " ha restored"
                            + (again ? "; the previous quarter " + prev.period() + " restored nothing either" : ""));
            if (again) {
                ctx.escalate("$.restoration.restoredThisQuarterHa", "problem", problem);
            } else {
                ctx.report("$.restoration.restoredThisQuarterHa", "problem", problem);
            }
        }
    }
}
