package org.minedecl.shared.rules;

/**
 * A rule pack and version as a finding names it: {@code {"id": "SZ", "version": "1.1.0"}}. Written
 * {@code SZ@1.1.0} in text (the {@link RulePackHeader} form).
 */
public record PackRef(String id, String version) {
    @Override
    public String toString() {
        return id + "@" + version;
    }
}
