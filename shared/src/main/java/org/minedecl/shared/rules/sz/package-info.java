/**
 * Logic of the SZ pack (Shuozhou city plan 2021-2025): one class per rule id, beside the data in
 * {@code resources/rules/sz/}. May depend on {@code org.minedecl.shared.declaration} and the engine's
 * {@code RuleLogic}/{@code RuleContext}/{@code RuleSupport}; nothing else.
 */
package org.minedecl.shared.rules.sz;
