/**
 * Logic of the ZZ pack (Zezhou county rectification plan, 泽政办发〔2025〕5号): one class per rule id, beside
 * the data in {@code resources/rules/zz/}. May depend on {@code org.minedecl.shared.declaration} and the
 * engine's {@code RuleLogic}/{@code RuleContext}/{@code RuleSupport}; nothing else.
 */
package org.minedecl.shared.rules.zz;
