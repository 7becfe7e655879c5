package org.minedecl.shared.rules;

import java.util.List;
import java.util.Map;

/**
 * A rule pack as read from {@code rules/<pack>/pack.json}: identity, the jurisdiction it covers (GB/T 2260
 * code, "" for CORE), its parent pack, its parameters (flattened to dotted names such as
 * {@code minScale.BAUXITE}) and its rules in catalogue order.
 */
public record RulePack(
        String id,
        String version,
        String jurisdiction,
        String parent,
        LocalizedText name,
        String source,
        Map<String, Object> parameters,
        List<RuleDefinition> rules) {

    public RulePack {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        rules = List.copyOf(rules);
    }

    public RulePackInfo info() {
        return new RulePackInfo(id, version, jurisdiction);
    }

    /**
     * Whether this pack's jurisdiction contains {@code code}: "" contains everything, {@code 140000} (a
     * province) every {@code 14xxxx}, {@code 140600} (a city) every {@code 1406xx}, a county only itself.
     */
    public boolean covers(String code) {
        if (jurisdiction.isEmpty()) {
            return true;
        }
        if (code == null || code.length() != 6) {
            return false;
        }
        if (jurisdiction.endsWith("0000")) {
            return code.startsWith(jurisdiction.substring(0, 2));
        }
        if (jurisdiction.endsWith("00")) {
            return code.startsWith(jurisdiction.substring(0, 4));
        }
        return code.equals(jurisdiction);
    }
}
