package org.minedecl.shared.rules.core;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/** CORE-BOUND-01: mining beyond the licensed boundary (越界开采) was declared. */
public final class CoreBound01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.production() != null && RuleSupport.isTrue(d.production().boundaryViolation())) {
            ctx.report(null);
        }
    }
}
