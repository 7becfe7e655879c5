package org.minedecl.shared.rules;

/**
 * A retired rule id: kept in the catalogue (ids are never renamed or reused), never evaluated, documented with
 * the version that retired it, why, and the rule that replaces it (if any).
 */
public record Retirement(String version, String replacedBy, LocalizedText reason) {
}
