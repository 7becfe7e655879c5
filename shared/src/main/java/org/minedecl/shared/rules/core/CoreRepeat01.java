package org.minedecl.shared.rules.core;

import java.util.LinkedHashSet;
import java.util.Set;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.Disposition;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * CORE-REPEAT-01 (1.1, review stage): a FLAG RECTIFY finding of a rule in this quarter that the same rule
 * also reported for the previous quarter's accepted declaration: the declarant did not rectify (拒不整改).
 * One finding per repeated rule. Silent when the previous quarter is not known.
 */
public final class CoreRepeat01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        Set<String> now = new LinkedHashSet<>();
        for (Finding f : ctx.findings()) {
            if (f.disposition() == Disposition.RECTIFY) {
                now.add(f.ruleId());
            }
        }
        if (now.isEmpty()) {
            return;
        }
        Declaration previous = ctx.previousQuarter();
        Set<String> before = new LinkedHashSet<>();
        for (Finding f : ctx.previousQuarterRectifyFindings()) {
            before.add(f.ruleId());
        }
        for (String id : now) {
            if (before.contains(id)) {
                String path = ctx.findings().stream().filter(f -> f.ruleId().equals(id)).findFirst()
                        .map(Finding::path).orElse(null);
                ctx.report(path, "repeatedRule", id, "previousPeriod", previous.period());
            }
        }
    }
}
