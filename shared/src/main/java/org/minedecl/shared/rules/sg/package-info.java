/**
 * Logic of the SG pack (Shanggao county stopped non-coal mines action plan, 上府办发〔2023〕35号): one class per
 * rule id, beside the data in {@code resources/rules/sg/}; deadlines are pack parameters and elapsed time is
 * measured to the signing date. May depend on {@code org.minedecl.shared.declaration} and the engine's
 * {@code RuleLogic}/{@code RuleContext}/{@code RuleSupport}; nothing else.
 */
package org.minedecl.shared.rules.sg;
