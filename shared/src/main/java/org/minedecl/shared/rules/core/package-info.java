/**
 * Logic of the CORE pack (format, arithmetic, obligations everywhere): one class per rule id, beside the data
 * in {@code resources/rules/core/}. May depend on {@code org.minedecl.shared.declaration} and the engine's
 * {@code RuleLogic}/{@code RuleContext}; nothing else.
 */
package org.minedecl.shared.rules.core;
