package org.minedecl.shared.rules;

/** A rule pack's identity: id (CORE, SX, ...), version, and the jurisdiction code it covers ("" for CORE). */
public record RulePackInfo(String id, String version, String jurisdiction) {
}
