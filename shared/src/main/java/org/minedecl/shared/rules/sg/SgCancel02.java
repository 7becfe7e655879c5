package org.minedecl.shared.rules.sg;

import org.minedecl.shared.declaration.Acceptance;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Disposal;
import org.minedecl.shared.declaration.Restoration;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * SG-CANCEL-02: a mine to be cancelled had to pass restoration acceptance on or before
 * {@code acceptanceDeadline} (2024-03-31); after that the township restores it at the holder's cost.
 */
public final class SgCancel02 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        Restoration r = d.restoration();
        if (!SgScope.stoppedWith(d, Disposal.CANCEL) || r == null || r.acceptance() == null) {
            return;
        }
        Param deadline = ctx.param("acceptanceDeadline");
        if (!ctx.asOf().isAfter(deadline.date())) {
            return;
        }
        boolean passedInTime = r.acceptance() == Acceptance.PASSED
                && (r.acceptedOn() == null || !r.acceptedOn().isAfter(deadline.date()));
        if (!passedInTime) {
            ctx.report(null, "acceptanceDeadline", deadline, "acceptance", r.acceptance(),
                    "acceptedOn", r.acceptedOn() == null ? "-" : r.acceptedOn().toString());
        }
    }
}
