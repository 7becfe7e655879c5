package org.minedecl.client.app.drafts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.minedecl.shared.declaration.Period;

/**
 * A new quarter started from the last filed one (结转): the enterprise, the mine, the licences, the fund
 * account and the plans stay; the opening balance is the last closing balance; cumulative areas stay and this
 * quarter's restored area starts at zero; production, deposits, use and attachments are the new quarter's own
 * and are left for the user to fill in. Nothing of the last quarter's filing identity ({@code amends}) is kept.
 */
public final class CarryForward {
    private CarryForward() {
    }

    public static DraftDocument next(DraftDocument filed) {
        DraftDocument d = new DraftDocument(filed.root().deepCopy());
        ObjectNode r = d.root();
        r.remove("amends");
        Period.parse(filed.text("period")).ifPresent(p -> r.put("period", next(p).toString()));
        JsonNode closing = filed.get("restorationFund.closingBalance");
        BigDecimal c = closing == null ? null : FieldKind.parseDecimal(closing.asText());
        d.set("restorationFund.openingBalance", c == null ? null : FieldKind.MONEY.toJson(c.toPlainString()));
        d.set("restorationFund.deposited", null);
        d.set("restorationFund.used", null);
        d.set("restorationFund.closingBalance", d.get("restorationFund.openingBalance"));
        d.set("restoration.restoredThisQuarterHa", DraftDocument.NODES.numberNode(BigDecimal.ZERO));
        for (String p : List.of("production.output", "production.miningRecoveryRate",
                "production.processingRecoveryRate", "production.comprehensiveUtilizationRate")) {
            d.set(p, null);
        }
        r.putArray("attachments");
        return d;
    }

    static Period next(Period p) {
        return p.quarter() == 4 ? new Period(p.year() + 1, 1) : new Period(p.year(), p.quarter() + 1);
    }
}
