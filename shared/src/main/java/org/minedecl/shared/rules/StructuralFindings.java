package org.minedecl.shared.rules;

import java.util.Map;

/**
 * The findings the parser reports (CORE-SCHEMA-01, CORE-NUM-01), built from the rules' data files like every
 * other finding, so that severity, citation and message frame live in one place.
 */
public final class StructuralFindings {
    public static final String SCHEMA = "CORE-SCHEMA-01";
    public static final String NUMBER = "CORE-NUM-01";

    private StructuralFindings() {
    }

    /** A CORE-SCHEMA-01 finding: {@code problem} fills the rule's {@code {problem}} placeholder. */
    public static Finding schema(String path, LocalizedText problem) {
        return of(SCHEMA, path, problem);
    }

    /** A CORE-NUM-01 finding for a value of the wrong numeric form. */
    public static Finding number(String path, LocalizedText problem) {
        return of(NUMBER, path, problem);
    }

    private static Finding of(String id, String path, LocalizedText problem) {
        RuleCatalog catalog = RuleCatalog.standard();
        RuleDefinition rule = catalog.rule(id);
        PackRef pack = catalog.packs().stream().filter(p -> p.id().equals(rule.pack())).findFirst().orElseThrow().ref();
        return new Finding(id, rule.severity(), rule.disposition(), path,
                Messages.render(rule.message(), Map.of("problem", problem)), rule.citation(), null, pack, pack, null);
    }
}
