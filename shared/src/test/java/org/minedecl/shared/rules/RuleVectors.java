package org.minedecl.shared.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.minedecl.shared.declaration.DeclarationParser;

/**
 * The rule test vectors, runnable from any module that has the shared test-jar: one vector per file
 * {@code rules/<pack>/tests/<RULE-ID>/testNNN.json} (numbered from 001 without gaps), each either a full
 * {@code declaration} or a JSON merge {@code patch} (RFC 7386) of the example declaration, an {@code asOf}
 * date, the accepted earlier declarations of the same mine ({@code history}: an array of patches of the example,
 * or the older single {@code previousPatch}) and what to {@code expect}: rule ids {@code present} and
 * {@code absent}, and optionally the {@code severity}, {@code disposition}, {@code severityFrom}
 * ({@code "SZ@1.1.0"}), {@code note} (true: the finding carries the basis-period note, false: it does not) and
 * {@code params} a rule's findings must carry.
 *
 * <p>Use {@link #dynamicTests()} from a {@code @TestFactory}.
 */
public final class RuleVectors {
    public static final String EXAMPLE = "examples/declaration-zezhou-2026Q3.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNFILLED = Pattern.compile("\\{[A-Za-z]+\\}");

    private RuleVectors() {
    }

    /** One vector as read. */
    public record Vector(String name, String ruleId, String description, byte[] declaration, List<byte[]> history,
                         LocalDate asOf, List<String> present, List<String> absent, Map<String, String> severity,
                         JsonNode params, Map<String, String> disposition, Map<String, String> severityFrom,
                         Map<String, Boolean> note) {
    }

    /** Every vector of every rule of the standard catalogue (retired ids included: they must stay silent). */
    public static List<Vector> all() {
        List<Vector> out = new ArrayList<>();
        for (RuleDefinition r : RuleCatalog.standard().rules().values()) {
            out.addAll(of(r));
        }
        return out;
    }

    /** The vectors of one rule. */
    public static List<Vector> of(RuleDefinition rule) {
        List<Vector> out = new ArrayList<>();
        for (int i = 1; i < 1000; i++) {
            String name = "rules/" + rule.pack().toLowerCase(Locale.ROOT) + "/tests/" + rule.id()
                    + String.format("/test%03d.json", i);
            JsonNode v = readOrNull(name);
            if (v == null) {
                break;
            }
            out.add(vector(name, rule.id(), v));
        }
        return out;
    }

    /** The example declaration as a tree. */
    public static ObjectNode example() {
        JsonNode n = readOrNull(EXAMPLE);
        if (n == null) {
            throw new IllegalStateException(EXAMPLE + " is not on the classpath");
        }
        return (ObjectNode) n;
    }

    private static Vector vector(String name, String ruleId, JsonNode v) {
        byte[] declaration;
        try {
            if (v.has("declaration")) {
                declaration = JSON.writeValueAsBytes(v.get("declaration"));
            } else {
                declaration = JSON.writeValueAsBytes(mergePatch(example(), v.path("patch")));
            }
            List<byte[]> history = new ArrayList<>();
            if (v.has("previousPatch")) {
                history.add(JSON.writeValueAsBytes(mergePatch(example(), v.get("previousPatch"))));
            }
            for (JsonNode h : v.path("history")) {
                history.add(JSON.writeValueAsBytes(mergePatch(example(), h)));
            }
            JsonNode expect = v.path("expect");
            Map<String, Boolean> note = new LinkedHashMap<>();
            expect.path("note").fields().forEachRemaining(e -> note.put(e.getKey(), e.getValue().asBoolean()));
            return new Vector(name, ruleId, v.path("description").asText(""), declaration, List.copyOf(history),
                    LocalDate.parse(v.path("asOf").asText("2026-10-10")), strings(expect.path("present")),
                    strings(expect.path("absent")), texts(expect.path("severity")), expect.path("params"),
                    texts(expect.path("disposition")), texts(expect.path("severityFrom")), note);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    /** RFC 7386 JSON merge patch: objects merge, null removes, anything else replaces. */
    public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }

    /** What evaluates a vector: declaration bytes, "today", the accepted earlier declarations' bytes. */
    @FunctionalInterface
    public interface Evaluator {
        List<Finding> findings(byte[] declaration, LocalDate asOf, List<byte[]> history);
    }

    /** The earlier declarations of a vector as the engine's input. */
    public static History history(List<byte[]> history) {
        return History.of(history.stream().map(b -> DeclarationParser.parse(b).declaration()).toList());
    }

    /** The shared engine through {@link DeclarationValidator}, as the CLI runs it. */
    public static Evaluator evaluator(RuleEngine engine) {
        return (json, asOf, history) -> new DeclarationValidator(engine).validateWithHistory(json, asOf,
                history(history)).findings();
    }

    /** Runs one vector; returns what is wrong (empty when it passes). */
    public static List<String> check(Vector v, RuleEngine engine) {
        return check(v, evaluator(engine));
    }

    /** Runs one vector through {@code evaluator}; returns what is wrong (empty when it passes). */
    public static List<String> check(Vector v, Evaluator evaluator) {
        List<Finding> findings = evaluator.findings(v.declaration(), v.asOf(), v.history());
        List<String> ids = findings.stream().map(Finding::ruleId).toList();
        List<String> problems = new ArrayList<>();
        for (String id : v.present()) {
            if (!ids.contains(id)) {
                problems.add("expected " + id + " but got " + ids);
            }
        }
        for (String id : v.absent()) {
            if (ids.contains(id)) {
                problems.add("did not expect " + id + ": " + findings.stream().filter(f -> f.ruleId().equals(id))
                        .map(f -> f.path() + " " + f.message().en()).toList());
            }
        }
        v.severity().forEach((id, sev) -> findings.stream().filter(f -> f.ruleId().equals(id))
                .filter(f -> !f.severity().name().equals(sev))
                .forEach(f -> problems.add(id + " should be " + sev + " but is " + f.severity())));
        v.disposition().forEach((id, disp) -> findings.stream().filter(f -> f.ruleId().equals(id))
                .filter(f -> f.disposition() == null || !f.disposition().name().equals(disp))
                .forEach(f -> problems.add(id + " should have disposition " + disp + " but has " + f.disposition())));
        v.severityFrom().forEach((id, from) -> findings.stream().filter(f -> f.ruleId().equals(id))
                .filter(f -> f.severityFrom() == null || !f.severityFrom().toString().equals(from))
                .forEach(f -> problems.add(id + " should take its level from " + from + " but from "
                        + f.severityFrom())));
        v.note().forEach((id, wanted) -> findings.stream().filter(f -> f.ruleId().equals(id))
                .filter(f -> (f.note() != null) != wanted)
                .forEach(f -> problems.add(id + (wanted ? " should" : " should not") + " carry the basis note")));
        for (Finding f : findings) {
            if (f.rulePack() == null || f.severityFrom() == null) {
                problems.add(f.ruleId() + " names no rule pack version");
            }
        }
        v.params().fields().forEachRemaining(e -> {
            JsonNode wanted = e.getValue();
            boolean found = findings.stream().filter(f -> f.ruleId().equals(e.getKey())).anyMatch(f -> {
                JsonNode actual = JSON.valueToTree(f.params() == null ? Map.of() : f.params());
                Iterator<Map.Entry<String, JsonNode>> w = wanted.fields();
                while (w.hasNext()) {
                    Map.Entry<String, JsonNode> p = w.next();
                    if (!sameJson(p.getValue(), actual.get(p.getKey()))) {
                        return false;
                    }
                }
                return true;
            });
            if (!found) {
                problems.add(e.getKey() + " should carry params " + wanted + " but has " + findings.stream()
                        .filter(f -> f.ruleId().equals(e.getKey())).map(Finding::params).toList());
            }
        });
        for (Finding f : findings) {
            if (UNFILLED.matcher(f.message().zh()).find() || UNFILLED.matcher(f.message().en()).find()) {
                problems.add(f.ruleId() + " message has an unfilled placeholder: " + f.message());
            }
        }
        return problems;
    }

    private static boolean sameJson(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<String> names = a.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!sameJson(a.get(n), b.get(n))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** One dynamic test per vector, named after its file and description, for a {@code @TestFactory}. */
    public static Stream<DynamicTest> dynamicTests() {
        return dynamicTests(evaluator(RuleEngine.standard()));
    }

    /** The same through another evaluator (the server's rule service, say). */
    public static Stream<DynamicTest> dynamicTests(Evaluator evaluator) {
        return all().stream().map(v -> DynamicTest.dynamicTest(v.name() + " - " + v.description(), () -> {
            List<String> problems = check(v, evaluator);
            if (!problems.isEmpty()) {
                throw new AssertionError(v.name() + " (" + v.description() + "): " + String.join("; ", problems));
            }
        }));
    }

    private static Map<String, String> texts(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static JsonNode readOrNull(String resource) {
        try (InputStream in = RuleVectors.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
