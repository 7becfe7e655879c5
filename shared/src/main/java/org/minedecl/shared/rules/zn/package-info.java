/**
 * Logic of the ZN pack (Zhengning county plan 2021-2025, 正政发〔2022〕72号): one class per rule id, beside
 * the data in {@code resources/rules/zn/}. May depend on {@code org.minedecl.shared.declaration} and the
 * engine's {@code RuleLogic}/{@code RuleContext}/{@code RuleSupport}; nothing else.
 */
package org.minedecl.shared.rules.zn;
