package org.minedecl.shared.rules.core;

import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Period;
import org.minedecl.shared.rules.LocalizedText;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/** CORE-PERIOD-01: the period reads {@code YYYYQn} and is not after the quarter of the signing date. */
public final class CorePeriod01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.period() == null) {
            return; // missing: CORE-SCHEMA-01 already says so
        }
        Period p = d.parsedPeriod();
        Period current = Period.containing(ctx.asOf());
        if (p == null) {
            ctx.report(null, "period", clip(d.period()), "current", current.toString(), "problem",
                    new LocalizedText("格式应为 YYYYQn（如 2026Q3）", "it must read YYYYQn (e.g. 2026Q3)"));
        } else if (p.compareTo(current) > 0) {
            ctx.report(null, "period", p.toString(), "current", current.toString(), "problem",
                    new LocalizedText("不能申报签署日所在季度之后的季度",
                            "a quarter after the quarter of the signing date cannot be declared"));
        }
    }

    private static String clip(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
