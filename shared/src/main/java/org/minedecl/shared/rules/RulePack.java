package org.minedecl.shared.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A rule pack as read from {@code rules/<pack>/pack.json}: identity, the jurisdiction it covers (GB/T 2260
 * code, "" for CORE), its parent pack, its parameters (flattened to dotted names such as
 * {@code minScale.BAUXITE}), the levels it sets for rules of higher packs, the period of the plan it rests on
 * ({@code basisFrom}/{@code basisTo}, with the note findings carry for later periods), its rules in catalogue
 * order and the catalogue changes that touched the pack itself.
 */
public record RulePack(
        String id,
        String version,
        String jurisdiction,
        String parent,
        LocalizedText name,
        String source,
        Map<String, Object> parameters,
        List<RuleDefinition> rules,
        Map<String, List<LevelSetting>> levels,
        LocalDate basisFrom,
        LocalDate basisTo,
        LocalizedText basisNote,
        List<Change> changes) {

    public RulePack {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        rules = List.copyOf(rules);
        levels = levels == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(levels));
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** A pack without level settings, basis period or changes (tests that build packs by hand). */
    public RulePack(String id, String version, String jurisdiction, String parent, LocalizedText name, String source,
                    Map<String, Object> parameters, List<RuleDefinition> rules) {
        this(id, version, jurisdiction, parent, name, source, parameters, rules, Map.of(), null, null, null, List.of());
    }

    /** The same pack with other parameters (tests and tools that layer a setting of their own). */
    public RulePack withParameters(Map<String, Object> newParameters) {
        return new RulePack(id, version, jurisdiction, parent, name, source, newParameters, rules, levels, basisFrom,
                basisTo, basisNote, changes);
    }

    public RulePackInfo info() {
        return new RulePackInfo(id, version, jurisdiction);
    }

    public PackRef ref() {
        return new PackRef(id, version);
    }

    /** The level this pack sets for {@code ruleId} for a period ending on {@code periodEnd}, or null. */
    public LevelSetting levelFor(String ruleId, LocalDate periodEnd) {
        List<LevelSetting> settings = levels.get(ruleId);
        if (settings == null) {
            return null;
        }
        for (LevelSetting s : settings) {
            if (s.inForce(periodEnd)) {
                return s;
            }
        }
        return null;
    }

    /** Whether a period ending on {@code periodEnd} lies after the period of the plan this pack rests on. */
    public boolean pastBasis(LocalDate periodEnd) {
        return basisTo != null && periodEnd != null && periodEnd.isAfter(basisTo);
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
