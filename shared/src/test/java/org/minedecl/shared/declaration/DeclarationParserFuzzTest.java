package org.minedecl.shared.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.RuleVectors;

/**
 * Random edits of the example, each read by {@link DeclarationParser} (which reads the records straight from the
 * token stream) and, as an independent judge, by the same strict settings building a whole JSON tree: where the
 * tree reader refuses the bytes (bad syntax, a duplicate key anywhere, trailing tokens, a reader limit), the parser
 * must refuse them too, with exactly one finding and no declaration, never half a declaration; where the tree is a
 * JSON object, the parser must produce a declaration. Never an exception. Seeded, so a failure repeats.
 */
class DeclarationParserFuzzTest {
    private static final String TOKENS = "{}[],:\"0e-.tfn x\\";

    @Test
    void everyRandomEditIsReadOrRefusedAsTheStrictTreeReaderJudgesAndNeverThrows() throws Exception {
        String compact = new ObjectMapper().writeValueAsString(RuleVectors.example());
        Random rnd = new Random(20261123);
        int refused = 0;
        int read = 0;
        for (int n = 0; n < 5000; n++) {
            String doc = mutate(compact, rnd);
            byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
            JsonNode judge;
            try {
                judge = DeclarationParser.MAPPER.readTree(bytes);
            } catch (Exception e) {
                judge = null;
            }
            ParseResult r = DeclarationParser.parse(bytes);

            assertThat(r.findings()).as(doc).allSatisfy(f -> assertThat(f.path()).startsWith("$"));
            if (judge == null || !judge.isObject()) {
                refused++;
                assertThat(r.declaration()).as("refused, no declaration: %s", doc).isNull();
                assertThat(r.findings()).as("refused with one finding: %s", doc).hasSize(1);
                assertThat(r.findings().get(0).ruleId()).isEqualTo("CORE-SCHEMA-01");
            } else {
                read++;
                assertThat(r.declaration()).as("read: %s", doc).isNotNull();
                assertThat(r.limit()).as(doc).isNull();
                assertThat(r.findings()).as(doc).extracting(Finding::ruleId)
                        .allMatch(id -> id.equals("CORE-SCHEMA-01") || id.equals("CORE-NUM-01"));
            }
        }
        // both sides of the judgement were exercised, many times
        assertThat(refused).isGreaterThan(500);
        assertThat(read).isGreaterThan(500);
    }

    /** One to three edits: a character dropped, inserted or replaced, a key repeated, a field or a tail added. */
    private static String mutate(String compact, Random rnd) {
        StringBuilder sb = new StringBuilder(compact);
        int edits = 1 + rnd.nextInt(3);
        for (int m = 0; m < edits; m++) {
            int pos = rnd.nextInt(sb.length());
            switch (rnd.nextInt(8)) {
                case 0 -> sb.deleteCharAt(pos);
                case 1 -> sb.insert(pos, TOKENS.charAt(rnd.nextInt(TOKENS.length())));
                case 2 -> sb.setCharAt(pos, TOKENS.charAt(rnd.nextInt(TOKENS.length())));
                case 3 -> repeatKey(sb, pos);
                case 4 -> sb.append(rnd.nextBoolean() ? " {}" : " x");
                case 5 -> insertAfterColon(sb, pos, "null,\"zz" + rnd.nextInt(3) + "\":");
                case 6 -> insertAfterComma(sb, pos, "\"u" + rnd.nextInt(2) + "\":{\"k\":1,\"k\":2},");
                default -> insertAfterComma(sb, pos, "\"u" + rnd.nextInt(2) + "\":[1," + rnd.nextInt(9) + "],");
            }
        }
        return sb.toString();
    }

    /** Repeats the key of the next member after {@code pos} (with another value) right after that member. */
    private static void repeatKey(StringBuilder sb, int pos) {
        int colon = sb.indexOf("\":", pos);
        if (colon > 0) {
            int start = sb.lastIndexOf("\"", colon - 1);
            int comma = sb.indexOf(",", colon);
            if (start > 0 && comma > 0) {
                sb.insert(comma + 1, sb.substring(start, colon + 2) + "1,");
            }
        }
    }

    private static void insertAfterColon(StringBuilder sb, int pos, String text) {
        int colon = sb.indexOf("\":", pos);
        if (colon > 0) {
            sb.insert(colon + 2, text);
        }
    }

    private static void insertAfterComma(StringBuilder sb, int pos, String text) {
        int comma = sb.indexOf(",", pos);
        if (comma > 0) {
            sb.insert(comma + 1, text);
        }
    }
}
