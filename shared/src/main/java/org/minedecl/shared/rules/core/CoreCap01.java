package org.minedecl.shared.rules.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;
import org.minedecl.shared.rules.RuleSupport;

/**
 * CORE-CAP-01 (1.1): the year's output so far (this quarter's plus the accepted earlier quarters of the same
 * year) exceeds the design scale (超能力生产). Only known outputs are added: a quarter that is not known counts
 * for nothing, so the sum never overstates (in the first quarter this quarter's output is the whole year so far).
 */
public final class CoreCap01 implements RuleLogic {
    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() == null || !RuleSupport.positive(d.mine().designScale()) || d.production() == null
                || d.production().output() == null) {
            return;
        }
        BigDecimal year = d.production().output();
        List<String> counted = new ArrayList<>();
        for (Declaration earlier : ctx.earlierInYear()) {
            if (earlier.production() != null && earlier.production().output() != null) {
                year = year.add(earlier.production().output());
                counted.add(earlier.period());
            }
        }
        counted.add(d.period());
        if (year.compareTo(d.mine().designScale()) > 0) {
            ctx.report(null, "yearOutput", year, "designScale", d.mine().designScale(),
                    "quarters", String.join(", ", counted));
        }
    }
}
