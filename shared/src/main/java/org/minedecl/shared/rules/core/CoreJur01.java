package org.minedecl.shared.rules.core;

import java.util.regex.Pattern;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/** CORE-JUR-01: the jurisdiction is a 6-digit GB/T 2260 administrative code. */
public final class CoreJur01 implements RuleLogic {
    private static final Pattern CODE = Pattern.compile("[1-9][0-9]{5}");

    @Override
    public void check(Declaration d, RuleContext ctx) {
        String j = d.jurisdiction();
        if (j != null && !CODE.matcher(j).matches()) {
            ctx.report(null, "jurisdiction", j.length() > 20 ? j.substring(0, 20) + "…" : j);
        }
    }
}
