package org.minedecl.shared.delegation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.minedecl.shared.declaration.Uscc;

/**
 * Reads and writes {@code delegation.json} strictly: the schema name, valid USCCs for two different parties,
 * names, a scope of PREPARE or PREPARE and SIGN, mining licences (optional), dates in order; no other keys, no
 * repeated keys. A problem is a value (one readable line), never an exception.
 */
public final class DelegationDocument {
    /** Longest accepted document. */
    public static final int MAX_BYTES = 64 * 1024;
    private static final int MAX_LICENCES = 500;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Set<String> KEYS = Set.of("schema", "enterprise", "consultant", "scope", "miningLicences",
            "validFrom", "validTo");

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20)
                .maxStringLength(MAX_BYTES).build());
    }

    private DelegationDocument() {
    }

    /** A delegation, or why the bytes are not one. */
    public record Parsed(Delegation delegation, String problem) {
        static Parsed refused(String problem) {
            return new Parsed(null, problem);
        }
    }

    public static Parsed parse(byte[] json) {
        if (json == null || json.length > MAX_BYTES) {
            return Parsed.refused("delegation.json is missing or larger than " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            return Parsed.refused("delegation.json is not valid JSON (or repeats a key)");
        }
        if (root == null || !root.isObject()) {
            return Parsed.refused("delegation.json is not a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                return Parsed.refused("unknown field '" + k.substring(0, Math.min(40, k.length())) + "'");
            }
        }
        if (!Delegation.SCHEMA.equals(root.path("schema").textValue())) {
            return Parsed.refused("schema is not \"" + Delegation.SCHEMA + "\"");
        }
        Delegation.Party enterprise = party(root.path("enterprise"));
        Delegation.Party consultant = party(root.path("consultant"));
        if (enterprise == null || consultant == null) {
            return Parsed.refused("enterprise and consultant each need a valid uscc and a name");
        }
        if (enterprise.uscc().equals(consultant.uscc())) {
            return Parsed.refused("an enterprise cannot delegate to itself");
        }
        JsonNode scopeNode = root.path("scope");
        Set<Delegation.Scope> scope = EnumSet.noneOf(Delegation.Scope.class);
        if (!scopeNode.isArray() || scopeNode.isEmpty() || scopeNode.size() > 2) {
            return Parsed.refused("scope is [\"PREPARE\"] or [\"PREPARE\", \"SIGN\"]");
        }
        for (JsonNode s : scopeNode) {
            Delegation.Scope v;
            try {
                v = Delegation.Scope.valueOf(s.textValue());
            } catch (RuntimeException e) {
                return Parsed.refused("scope is [\"PREPARE\"] or [\"PREPARE\", \"SIGN\"]");
            }
            if (!scope.add(v)) {
                return Parsed.refused("scope names " + v + " twice");
            }
        }
        if (!scope.contains(Delegation.Scope.PREPARE)) {
            return Parsed.refused("scope is [\"PREPARE\"] or [\"PREPARE\", \"SIGN\"]");
        }
        List<String> licences = new ArrayList<>();
        JsonNode l = root.get("miningLicences");
        if (l != null) {
            if (!l.isArray() || l.isEmpty() || l.size() > MAX_LICENCES) {
                return Parsed.refused("miningLicences is a list of 1 to " + MAX_LICENCES + " licence numbers");
            }
            for (JsonNode n : l) {
                String v = n.textValue();
                if (v == null || !v.matches("[0-9A-Za-z]{1,64}") || licences.contains(v)) {
                    return Parsed.refused("miningLicences holds an empty, malformed or repeated number");
                }
                licences.add(v);
            }
        }
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(root.path("validFrom").asText(""));
            to = LocalDate.parse(root.path("validTo").asText(""));
        } catch (DateTimeParseException e) {
            return Parsed.refused("validFrom and validTo are dates (YYYY-MM-DD)");
        }
        if (to.isBefore(from)) {
            return Parsed.refused("validTo is before validFrom");
        }
        return new Parsed(new Delegation(enterprise, consultant, scope, licences, from, to), null);
    }

    private static Delegation.Party party(JsonNode n) {
        if (!n.isObject() || n.size() != 2) {
            return null;
        }
        String uscc = n.path("uscc").textValue();
        String name = n.path("name").textValue();
        if (uscc == null || !Uscc.isValid(uscc) || name == null || name.isBlank() || name.length() > 200) {
            return null;
        }
        return new Delegation.Party(uscc, name);
    }

    /** The document's JSON (UTF-8), in the contract's field order. */
    public static byte[] write(Delegation d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", Delegation.SCHEMA);
        root.putObject("enterprise").put("uscc", d.enterprise().uscc()).put("name", d.enterprise().name());
        root.putObject("consultant").put("uscc", d.consultant().uscc()).put("name", d.consultant().name());
        ArrayNode scope = root.putArray("scope");
        for (Delegation.Scope s : Delegation.Scope.values()) {
            if (d.scope().contains(s)) {
                scope.add(s.name());
            }
        }
        if (!d.miningLicences().isEmpty()) {
            ArrayNode l = root.putArray("miningLicences");
            d.miningLicences().forEach(l::add);
        }
        root.put("validFrom", d.validFrom().toString());
        root.put("validTo", d.validTo().toString());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
