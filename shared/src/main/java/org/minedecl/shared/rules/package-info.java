/**
 * The rule engine and the rule packs as data: {@link org.minedecl.shared.rules.RuleCatalog} reads
 * {@code rules/<pack>/pack.json} and {@code rules/<pack>/<RULE-ID>.json} from the classpath,
 * {@link org.minedecl.shared.rules.RuleEngine} evaluates every pack whose jurisdiction contains the mine's,
 * {@link org.minedecl.shared.rules.DeclarationValidator} runs parser + engine. Findings are values, never
 * exceptions. "Today" is always passed in ({@link org.minedecl.shared.rules.EvaluationContext#asOf()}).
 *
 * <p><b>Levels as policy data (catalogue 1.1).</b> A rule's data file gives its default severity and disposition; a
 * lower pack may set them for a rule of a higher pack ({@code "levels"} in its {@code pack.json},
 * {@link org.minedecl.shared.rules.LevelSetting}). The lowest applicable pack with a setting in force for the
 * period wins. Every {@link org.minedecl.shared.rules.Finding} names the pack and version of its rule
 * ({@code rulePack}) and of its level ({@code severityFrom}), and carries the pack's basis-period
 * {@code note} when the rule rests on a plan whose period has ended. Retired ids stay in the catalogue
 * ({@link org.minedecl.shared.rules.Retirement}) and are never evaluated or reused.
 *
 * <p><b>History (for the desktop, the CLI and the server alike).</b> The history rules (CORE-CONS-01,
 * CORE-REPEAT-01, CORE-CAP-01, CORE-RESV-01, the repeat clauses of SZ-RECL-01 and ZN-RECL-01, SG-NEVER-01) compare
 * with the accepted earlier declarations of the same mining licence. Pass what you hold:
 * <pre>{@code
 * History filed = History.of(filedQuarters);          // List<Declaration>, any order; other licences are ignored
 * ValidationResult r = new DeclarationValidator(RuleEngine.standard())
 *         .validateWithHistory(jsonBytes, signingDay, filed);
 * }</pre>
 * {@link org.minedecl.shared.rules.History#firstQuarterNeeded} says how far back the rules look (the previous
 * quarter, and the quarters of the same year). Without a quarter a rule needs, that rule stays silent: nothing is
 * guessed. {@code validate(json, asOf, previous)} with one {@code Declaration} (or null) remains for callers that
 * hold only the previous quarter.
 *
 * <p>May depend on {@code org.minedecl.shared.declaration} and Jackson; never on Swing, an HTTP server or
 * JDBC. The logic of each rule lives in a small class named after its id in the sub-package of its pack
 * ({@code core}, {@code sx}, {@code sz}, {@code zz}, {@code zn}, {@code sg}).
 */
package org.minedecl.shared.rules;
