package org.minedecl.shared.rules;

/**
 * One change of a rule or pack in a catalogue version, with the clause that motivates it: listed in the
 * "changes" section of {@code docs/rules.md} so that a regulator can see why a disposition changed.
 */
public record Change(String version, LocalizedText what, String clause) {
}
