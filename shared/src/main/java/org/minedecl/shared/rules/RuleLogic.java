package org.minedecl.shared.rules;

import org.minedecl.shared.declaration.Declaration;

/**
 * The logic of one rule: looks at the declaration and reports through the context. Severity, disposition,
 * citation and messages come from the rule's data file; parameters from the packs. Implementations are
 * stateless, named after their rule id ({@code SxScale02}) and listed in {@link RuleLogics}.
 *
 * <p>Every field may be null (absent, or present but invalid): a rule whose inputs are missing stays silent.
 */
public interface RuleLogic {
    void check(Declaration declaration, RuleContext context);
}
