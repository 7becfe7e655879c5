package org.minedecl.shared.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.minedecl.shared.rules.core.CoreBound01;
import org.minedecl.shared.rules.core.CoreBuild01;
import org.minedecl.shared.rules.core.CoreCap01;
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
import org.minedecl.shared.rules.core.CoreRepeat01;
import org.minedecl.shared.rules.core.CoreResv01;
import org.minedecl.shared.rules.core.CoreSafe01;
import org.minedecl.shared.rules.core.CoreUscc01;
import org.minedecl.shared.rules.sg.SgCancel01;
import org.minedecl.shared.rules.sg.SgCancel02;
import org.minedecl.shared.rules.sg.SgCancel03;
import org.minedecl.shared.rules.sg.SgNever01;
import org.minedecl.shared.rules.sg.SgRenew01;
import org.minedecl.shared.rules.sg.SgRenew02;
import org.minedecl.shared.rules.sg.SgResume01;
import org.minedecl.shared.rules.sx.SxLife01;
import org.minedecl.shared.rules.sx.SxLife02;
import org.minedecl.shared.rules.sx.SxScale01;
import org.minedecl.shared.rules.sx.SxScale02;
import org.minedecl.shared.rules.sx.SxScale03;
import org.minedecl.shared.rules.sz.SzClay01;
import org.minedecl.shared.rules.sz.SzClose01;
import org.minedecl.shared.rules.sz.SzEia01;
import org.minedecl.shared.rules.sz.SzGreen01;
import org.minedecl.shared.rules.sz.SzGreen02;
import org.minedecl.shared.rules.sz.SzGreen03;
import org.minedecl.shared.rules.sz.SzGreen04;
import org.minedecl.shared.rules.sz.SzNewscale01;
import org.minedecl.shared.rules.sz.SzRecl01;
import org.minedecl.shared.rules.sz.SzRecov01;
import org.minedecl.shared.rules.sz.SzSmall01;
import org.minedecl.shared.rules.zn.ZnClay01;
import org.minedecl.shared.rules.zn.ZnClay02;
import org.minedecl.shared.rules.zn.ZnClose01;
import org.minedecl.shared.rules.zn.ZnGreen01;
import org.minedecl.shared.rules.zn.ZnRecl01;
import org.minedecl.shared.rules.zz.ZzBuild01;
import org.minedecl.shared.rules.zz.ZzClosed01;
import org.minedecl.shared.rules.zz.ZzExhaust01;
import org.minedecl.shared.rules.zz.ZzKeep01;
import org.minedecl.shared.rules.zz.ZzNew01;
import org.minedecl.shared.rules.zz.ZzRecl01;
import org.minedecl.shared.rules.zz.ZzStop01;

/**
 * The registry: rule id -> its logic class. Every rule the engine evaluates (everything but the parser's
 * CORE-SCHEMA-01 and the retired ids) must be here; {@link RuleEngine} refuses to start otherwise.
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
        m.put("CORE-BUILD-01", new CoreBuild01());
        m.put("CORE-EQUIP-01", new CoreEquip01());
        m.put("CORE-REPEAT-01", new CoreRepeat01());
        m.put("CORE-RECL-01", new CoreRecl01());
        m.put("CORE-CONS-01", new CoreCons01());
        m.put("CORE-CAP-01", new CoreCap01());
        m.put("CORE-RESV-01", new CoreResv01());
        m.put("CORE-LATE-01", new CoreLate01());
        m.put("SX-SCALE-01", new SxScale01());
        m.put("SX-SCALE-02", new SxScale02());
        m.put("SX-SCALE-03", new SxScale03());
        m.put("SX-LIFE-01", new SxLife01());
        m.put("SX-LIFE-02", new SxLife02());
        m.put("SZ-NEWSCALE-01", new SzNewscale01());
        m.put("SZ-SMALL-01", new SzSmall01());
        m.put("SZ-RECOV-01", new SzRecov01());
        m.put("SZ-GREEN-01", new SzGreen01());
        m.put("SZ-GREEN-02", new SzGreen02());
        m.put("SZ-GREEN-03", new SzGreen03());
        m.put("SZ-GREEN-04", new SzGreen04());
        m.put("SZ-CLAY-01", new SzClay01());
        m.put("SZ-RECL-01", new SzRecl01());
        m.put("SZ-CLOSE-01", new SzClose01());
        m.put("SZ-EIA-01", new SzEia01());
        m.put("ZZ-KEEP-01", new ZzKeep01());
        m.put("ZZ-NEW-01", new ZzNew01());
        m.put("ZZ-RECL-01", new ZzRecl01());
        m.put("ZZ-EXHAUST-01", new ZzExhaust01());
        m.put("ZZ-STOP-01", new ZzStop01());
        m.put("ZZ-BUILD-01", new ZzBuild01());
        m.put("ZZ-CLOSED-01", new ZzClosed01());
        m.put("ZN-CLAY-01", new ZnClay01());
        m.put("ZN-CLAY-02", new ZnClay02());
        m.put("ZN-GREEN-01", new ZnGreen01());
        m.put("ZN-RECL-01", new ZnRecl01());
        m.put("ZN-CLOSE-01", new ZnClose01());
        m.put("SG-CANCEL-01", new SgCancel01());
        m.put("SG-CANCEL-02", new SgCancel02());
        m.put("SG-CANCEL-03", new SgCancel03());
        m.put("SG-RENEW-01", new SgRenew01());
        m.put("SG-RENEW-02", new SgRenew02());
        m.put("SG-RESUME-01", new SgResume01());
        m.put("SG-NEVER-01", new SgNever01());
        return m;
    }
}
