package org.minedecl.shared.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.minedecl.shared.rules.core.CoreBound01;
import org.minedecl.shared.rules.core.CoreCons01;
import org.minedecl.shared.rules.core.CoreEquip01;
import org.minedecl.shared.rules.core.CoreExpl01;
import org.minedecl.shared.rules.core.CoreFund01;
import org.minedecl.shared.rules.core.CoreFund02;
import org.minedecl.shared.rules.core.CoreFund03;
import org.minedecl.shared.rules.core.CoreJur01;
import org.minedecl.shared.rules.core.CoreLate01;
import org.minedecl.shared.rules.core.CoreLic01;
import org.minedecl.shared.rules.core.CoreLic02;
import org.minedecl.shared.rules.core.CoreLic03;
import org.minedecl.shared.rules.core.CoreNum01;
import org.minedecl.shared.rules.core.CorePeriod01;
import org.minedecl.shared.rules.core.CoreRecl01;
import org.minedecl.shared.rules.core.CoreSafe01;
import org.minedecl.shared.rules.core.CoreUscc01;

/**
 * The registry: rule id -> its logic class. Every rule the engine evaluates (everything but the parser's
 * CORE-SCHEMA-01) must be here; {@link RuleEngine} refuses to start otherwise.
 */
public final class RuleLogics {
    private RuleLogics() {
    }

    public static Map<String, RuleLogic> all() {
        Map<String, RuleLogic> m = new LinkedHashMap<>();
        m.put("CORE-USCC-01", new CoreUscc01());
        m.put("CORE-PERIOD-01", new CorePeriod01());
        m.put("CORE-JUR-01", new CoreJur01());
        m.put("CORE-NUM-01", new CoreNum01());
        m.put("CORE-FUND-01", new CoreFund01());
        m.put("CORE-FUND-02", new CoreFund02());
        m.put("CORE-FUND-03", new CoreFund03());
        m.put("CORE-LIC-01", new CoreLic01());
        m.put("CORE-LIC-02", new CoreLic02());
        m.put("CORE-LIC-03", new CoreLic03());
        m.put("CORE-SAFE-01", new CoreSafe01());
        m.put("CORE-EXPL-01", new CoreExpl01());
        m.put("CORE-BOUND-01", new CoreBound01());
        m.put("CORE-EQUIP-01", new CoreEquip01());
        m.put("CORE-RECL-01", new CoreRecl01());
        m.put("CORE-CONS-01", new CoreCons01());
        m.put("CORE-LATE-01", new CoreLate01());
        return m;
    }
}
