package org.minedecl.shared.rules;

import java.util.List;
import org.minedecl.shared.declaration.Declaration;

/** The one rule engine: evaluates every rule pack whose jurisdiction contains the mine's. */
public final class RuleEngine {

    /** The engine over the rule packs bundled in this build. */
    public static RuleEngine standard() {
        throw new UnsupportedOperationException("TODO: implemented by the foundation work");
    }

    public List<Finding> evaluate(Declaration declaration, EvaluationContext context) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The packs in force with their versions ({@code GET /api/v1/rules}, receipts). */
    public List<RulePackInfo> packs() {
        throw new UnsupportedOperationException("TODO");
    }
}
