package org.minedecl.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every leaf of the example replaced by a value of the wrong type: the validator reports it at exactly that
 * path (CORE-SCHEMA-01, or CORE-NUM-01 for money) and the rules still run on the rest, without throwing.
 */
class MutatedExampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DeclarationValidator validator = new DeclarationValidator(RuleEngine.standard());

    @Test
    void everyLeafWithAValueOfTheWrongTypeIsReportedAtItsOwnPath() throws Exception {
        ObjectNode example = RuleVectors.example();
        List<String> leaves = new ArrayList<>();
        collect(example, "$", leaves);
        assertThat(leaves).hasSizeGreaterThan(60);
        for (String path : leaves) {
            JsonNode original = at(example, path);
            JsonNode wrong = original.isBoolean() ? TextNode.valueOf("yes") : BooleanNode.TRUE;
            for (JsonNode replacement : List.of(wrong, JSON.createObjectNode().put("x", 1))) {
                ObjectNode doc = example.deepCopy();
                set(doc, path, replacement);
                var result = validator.validate(JSON.writeValueAsBytes(doc), LocalDate.of(2026, 10, 10), null);
                assertThat(result.declaration()).as(path).isNotNull();
                assertThat(result.findings()).as(path + " = " + replacement)
                        .anyMatch(f -> f.path().equals(path)
                                && (f.ruleId().equals("CORE-SCHEMA-01") || f.ruleId().equals("CORE-NUM-01"))
                                && f.severity() == Severity.ERROR);
            }
        }
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), path + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", out);
            }
        } else if (!path.equals("$.schema")) {
            out.add(path);
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : parts(path)) {
            n = part.startsWith("[") ? n.get(Integer.parseInt(part.substring(1, part.length() - 1))) : n.get(part);
        }
        return n;
    }

    private static void set(JsonNode root, String path, JsonNode value) {
        List<String> parts = parts(path);
        JsonNode parent = root;
        for (String part : parts.subList(0, parts.size() - 1)) {
            parent = part.startsWith("[") ? parent.get(Integer.parseInt(part.substring(1, part.length() - 1)))
                    : parent.get(part);
        }
        String last = parts.get(parts.size() - 1);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static List<String> parts(String path) {
        List<String> parts = new ArrayList<>();
        for (String dotted : path.substring(2).split("\\.")) {
            int b = dotted.indexOf('[');
            if (b < 0) {
                parts.add(dotted);
            } else {
                parts.add(dotted.substring(0, b));
                parts.add(dotted.substring(b));
            }
        }
        return parts;
    }
}
