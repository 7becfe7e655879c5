package org.minedecl.shared.rules.sg;

import java.time.LocalDate;
import org.minedecl.shared.declaration.Acceptance;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Disposal;
import org.minedecl.shared.declaration.Restoration;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * SG-CANCEL-03: after acceptance PASSED, the cancellation must be applied for within
 * {@code cancellationApplicationDays} (30) of {@code acceptedOn}; otherwise the right is deemed abandoned.
 * Reported when the application came later, or has not come and the period has run out by the signing date.
 */
public final class SgCancel03 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        Restoration r = d.restoration();
        if (!SgScope.stoppedWith(d, Disposal.CANCEL) || r == null || r.acceptance() != Acceptance.PASSED
                || r.acceptedOn() == null) {
            return;
        }
        Param days = ctx.param("cancellationApplicationDays");
        LocalDate applyBy = r.acceptedOn().plusDays(days.intValue());
        LocalDate applied = r.cancellationAppliedOn();
        boolean late = applied == null ? ctx.asOf().isAfter(applyBy) : applied.isAfter(applyBy);
        if (late) {
            ctx.report(null, "cancellationApplicationDays", days, "acceptedOn", r.acceptedOn(), "applyBy", applyBy,
                    "cancellationAppliedOn", applied == null ? "-" : applied.toString());
        }
    }
}
