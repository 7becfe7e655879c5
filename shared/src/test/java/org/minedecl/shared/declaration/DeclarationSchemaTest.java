package org.minedecl.shared.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minedecl.shared.rules.RuleVectors;

/**
 * docs/schema/mine-declaration-1.schema.json against the Java model: every record component is a schema
 * property and back, required fields match the parser's table, enum values match the Java enums, and the
 * example validates. Change one without the other and this fails.
 */
class DeclarationSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MONEY = Set.of("openingBalance", "required", "deposited", "used", "closingBalance");

    private static JsonNode schemaTree() throws IOException {
        try (InputStream in = DeclarationSchemaTest.class.getClassLoader()
                .getResourceAsStream("schema/mine-declaration-1.schema.json")) {
            assertThat(in).as("docs/schema/mine-declaration-1.schema.json on the test classpath").isNotNull();
            return JSON.readTree(in);
        }
    }

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree());
    }

    @Test
    void theSchemaDescribesExactlyTheRecordsRequiredFieldsAndEnumsOfTheModel() throws IOException {
        JsonNode root = schemaTree();
        compare(Declaration.class, root, root, "$");
    }

    private void compare(Class<?> type, JsonNode node, JsonNode root, String where) {
        JsonNode props = node.get("properties");
        Set<String> names = new HashSet<>();
        props.fieldNames().forEachRemaining(names::add);
        Set<String> components = new HashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            components.add(c.getName());
        }
        assertThat(names).as("properties of %s (%s)", where, type.getSimpleName()).isEqualTo(components);
        Set<String> required = new HashSet<>();
        node.get("required").forEach(r -> required.add(r.asText()));
        assertThat(required).as("required of %s", where)
                .isEqualTo(new HashSet<>(DeclarationMapper.REQUIRED.get(type)));
        for (RecordComponent c : type.getRecordComponents()) {
            String path = where + "." + c.getName();
            JsonNode p = resolve(props.get(c.getName()), root);
            Class<?> t = c.getType();
            if (t == List.class) {
                t = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                assertThat(p.get("type").asText()).as(path).isEqualTo("array");
                p = resolve(p.get("items"), root);
            }
            if (t.isRecord()) {
                compare(t, p, root, path);
            } else if (t.isEnum()) {
                List<String> expected = Arrays.stream(t.getEnumConstants()).map(e -> ((Enum<?>) e).name())
                        .filter(n -> !path.endsWith("targetLevel") || n.endsWith("_LISTED")).toList();
                List<String> actual = JSON.convertValue(p.get("enum"), JSON.getTypeFactory()
                        .constructCollectionType(List.class, String.class));
                assertThat(actual).as("enum of %s", path).isEqualTo(expected);
            } else if (t == BigDecimal.class) {
                assertThat(p.get("type").asText()).as(path).isEqualTo(MONEY.contains(c.getName()) ? "string" : "number");
            } else if (t == LocalDate.class) {
                assertThat(p.get("pattern").asText()).as(path).isEqualTo("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
            } else if (t == Boolean.class) {
                assertThat(p.get("type").asText()).as(path).isEqualTo("boolean");
            } else if (t == String.class) {
                assertThat(p.has("const") || p.get("type").asText().equals("string")).as(path).isTrue();
            } else {
                throw new AssertionError("no schema mapping for " + t + " at " + path);
            }
        }
    }

    /** Follows {@code $ref} and the non-null branch of {@code anyOf [X, null]}. */
    private static JsonNode resolve(JsonNode p, JsonNode root) {
        if (p.has("anyOf")) {
            for (JsonNode alt : p.get("anyOf")) {
                if (!"null".equals(alt.path("type").asText())) {
                    return resolve(alt, root);
                }
            }
        }
        if (p.has("$ref")) {
            return resolve(root.at(p.get("$ref").asText().substring(1)), root);
        }
        return p;
    }

    @Test
    void theExampleValidatesAgainstTheSchema() throws IOException {
        Set<ValidationMessage> errors = schema().validate(RuleVectors.example());
        assertThat(errors).isEmpty();
    }

    @Test
    void theSchemaRefusesWhatTheParserRefuses() throws IOException {
        JsonSchema schema = schema();
        for (String patch : List.of(
                "{\"restorationFund\": {\"deposited\": 90000}}",
                "{\"restorationFund\": {\"deposited\": \"90000.5\"}}",
                "{\"remarks\": \"x\"}",
                "{\"mine\": {\"mineral\": \"UNOBTANIUM\"}}",
                "{\"declarant\": null}",
                "{\"greenMine\": {\"targetLevel\": \"IN_PROGRESS\"}}")) {
            JsonNode doc = RuleVectors.mergePatch(RuleVectors.example(), JSON.readTree(patch));
            assertThat(schema.validate(doc)).as(patch).isNotEmpty();
            assertThat(DeclarationParser.parse(JSON.writeValueAsBytes(doc)).findings()).as(patch).isNotEmpty();
        }
    }

    @Test
    void theSchemaAcceptsUnknownFieldsBelowTheTopLevelAndNullOptionals() throws IOException {
        JsonNode doc = RuleVectors.mergePatch(RuleVectors.example(), JSON.readTree(
                "{\"mine\": {\"colour\": \"grey\", \"coalSeam\": null}, \"preparer\": null}"));
        assertThat(schema().validate(doc)).isEmpty();
        assertThat(DeclarationParser.parse(JSON.writeValueAsBytes(doc)).findings()).isEmpty();
    }
}
