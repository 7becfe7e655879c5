package org.minedecl.shared.rules.sg;

import java.time.LocalDate;
import org.minedecl.shared.declaration.Acceptance;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Disposal;
import org.minedecl.shared.declaration.Restoration;
import org.minedecl.shared.rules.LocalizedText;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * SG-RENEW-01: a mine to be renewed must complete the four approvals and (1.1) pass its restoration acceptance
 * (完成矿山生态环境整治任务) within {@code renewalApprovalMonths} (6) of {@code rectification.decidedOn}. Past
 * that, within the {@code renewalGraceMonths} (3) grace: a WARNING; past the grace (9 months): the escalation,
 * FLAG DEEMED_ABANDONED. Measured to the signing date.
 */
public final class SgRenew01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (!SgScope.stoppedWith(d, Disposal.RENEW) || d.mine().rectification().decidedOn() == null) {
            return;
        }
        Restoration r = d.restoration();
        if (r == null) {
            return;
        }
        boolean approvals = r.approvals() != null && r.approvals().allDone();
        boolean accepted = r.acceptance() == Acceptance.PASSED;
        if (approvals && accepted) {
            return;
        }
        LocalizedText missing = new LocalizedText(
                (approvals ? "" : "四项审批手续") + (approvals || accepted ? "" : "、") + (accepted ? "" : "矿山生态环境整治验收"),
                (approvals ? "" : "the four approvals") + (approvals || accepted ? "" : " and ")
                        + (accepted ? "" : "the restoration acceptance"));
        Param months = ctx.param("renewalApprovalMonths");
        Param grace = ctx.param("renewalGraceMonths");
        LocalDate decided = d.mine().rectification().decidedOn();
        LocalDate due = decided.plusMonths(months.intValue());
        LocalDate graceEnd = due.plusMonths(grace.intValue());
        Object[] facts = {"renewalApprovalMonths", months, "renewalGraceMonths", grace, "decidedOn", decided,
                "due", due, "graceEnd", graceEnd, "missing", missing};
        if (ctx.asOf().isAfter(graceEnd)) {
            ctx.escalate(null, facts);
        } else if (ctx.asOf().isAfter(due)) {
            ctx.report(null, facts);
        }
    }
}
