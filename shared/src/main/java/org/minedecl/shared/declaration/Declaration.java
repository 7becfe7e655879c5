package org.minedecl.shared.declaration;

import java.util.List;

/**
 * One quarterly declaration of one mine: the {@code mine-declaration/1} document (季度合规自主申报).
 *
 * <p>Built by {@link DeclarationParser}, which reports every structural problem as a CORE-SCHEMA-01 or
 * CORE-NUM-01 finding. A component that was present but invalid is {@code null} here, so that the rules
 * that need it stay silent instead of reporting a consequence of the same mistake twice.
 */
public record Declaration(
        String schema,
        String period,
        String jurisdiction,
        Enterprise enterprise,
        Mine mine,
        Licences licences,
        Production production,
        RestorationFund restorationFund,
        Restoration restoration,
        GreenMine greenMine,
        List<Attachment> attachments,
        Declarant declarant,
        Preparer preparer,
        String amends) {

    public static final String SCHEMA = "mine-declaration/1";

    public Declaration {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The parsed period, or null when {@link #period()} is not of the form {@code YYYYQn}. */
    public Period parsedPeriod() {
        return Period.parse(period).orElse(null);
    }
}
