package org.minedecl.shared.rules.sg;

import java.time.LocalDate;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Disposal;
import org.minedecl.shared.declaration.Restoration;
import org.minedecl.shared.rules.Param;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * SG-CANCEL-01: a mine to be cancelled had to file its restoration plan on or before {@code planDeadline}
 * (2023-12-31). Reported once the deadline has passed as of the signing date: plan not filed, or filed later.
 */
public final class SgCancel01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        Restoration r = d.restoration();
        if (!SgScope.stoppedWith(d, Disposal.CANCEL) || r == null || r.planFiled() == null) {
            return;
        }
        Param deadline = ctx.param("planDeadline");
        if (!ctx.asOf().isAfter(deadline.date())) {
            return;
        }
        LocalDate filedOn = r.planFiledOn();
        boolean late = !r.planFiled() || (filedOn != null && filedOn.isAfter(deadline.date()));
        if (late) {
            ctx.report(null, "planDeadline", deadline, "planFiledOn", filedOn == null ? "-" : filedOn.toString());
        }
    }
}
