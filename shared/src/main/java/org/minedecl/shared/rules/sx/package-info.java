/**
 * Logic of the SX pack (Shanxi minimum production scale and exit criteria): one class per rule id, beside the
 * data in {@code resources/rules/sx/}. May depend on {@code org.minedecl.shared.declaration} and the engine's
 * {@code RuleLogic}/{@code RuleContext}/{@code RuleSupport}; nothing else.
 */
package org.minedecl.shared.rules.sx;
