/**
 * The rule engine and the rule packs as data: {@link org.minedecl.shared.rules.RuleCatalog} reads
 * {@code rules/<pack>/pack.json} and {@code rules/<pack>/<RULE-ID>.json} from the classpath,
 * {@link org.minedecl.shared.rules.RuleEngine} evaluates every pack whose jurisdiction contains the mine's,
 * {@link org.minedecl.shared.rules.DeclarationValidator} runs parser + engine. Findings are values, never
 * exceptions. "Today" is always passed in ({@link org.minedecl.shared.rules.EvaluationContext#asOf()}).
 *
 * <p>May depend on {@code org.minedecl.shared.declaration} and Jackson; never on Swing, an HTTP server or
 * JDBC. The logic of each rule lives in a small class named after its id in the sub-package of its pack
 * ({@code core}, {@code sx}, {@code sz}, {@code zz}, {@code zn}, {@code sg}).
 */
package org.minedecl.shared.rules;
