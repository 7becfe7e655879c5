package org.minedecl.shared.declaration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.ClassUtil;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.LocalizedText;
import org.minedecl.shared.rules.StructuralFindings;

/**
 * Strict reader of {@code mine-declaration/1}: duplicate keys, nesting depth, string/number/document size
 * limits, unknown top-level fields, types and enums. Every problem becomes a finding with its JSON path;
 * it never throws on user input.
 *
 * <p>The bytes are read under {@link StreamReadConstraints} by {@link DeclarationMapper}, which builds the
 * records straight from the token stream and collects every problem instead of stopping at the first. A
 * syntax error, a reader limit or a duplicate key anywhere refuses the whole document with one finding.
 */
public final class DeclarationParser {
    /** Largest declaration document accepted, in bytes. */
    public static final int MAX_DOCUMENT_BYTES = 1 << 20;
    /** Deepest nesting of arrays and objects accepted (a declaration needs 4). */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest string value accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 64 * 1024;
    /** Longest number literal accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** JSON tokens in one document (the example has about 250; a declaration with 100 attachments about 800). */
    public static final int MAX_TOKENS = 20_000;
    /** Characters in one field name. */
    public static final int MAX_NAME_LENGTH = 256;

    static final ObjectMapper MAPPER = strictMapper();

    private DeclarationParser() {
    }

    private static ObjectMapper strictMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxDocumentLength(MAX_DOCUMENT_BYTES)
                        .maxTokenCount(MAX_TOKENS)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                // duplicate keys in values read as trees (DeclarationMapper finds them in its own objects)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }

    /** Reads a declaration; the result holds the (possibly partial) declaration and every structural finding. */
    public static ParseResult parse(byte[] json) {
        if (json == null || json.length == 0) {
            return failed("$", new LocalizedText("文件为空", "the document is empty"));
        }
        if (json.length > MAX_DOCUMENT_BYTES) {
            return failed("JSON_TOO_LARGE", "$", new LocalizedText(
                    "文件大小 " + json.length + " 字节，超过上限 " + MAX_DOCUMENT_BYTES + " 字节",
                    "the document is " + json.length + " bytes, more than the limit of " + MAX_DOCUMENT_BYTES));
        }
        try (JsonParser in = MAPPER.createParser(json)) {
            return read(in, json);
        } catch (StreamConstraintsException e) {
            return failed(limitCode(e), pathOf(e), new LocalizedText(
                    "超出解析限制（嵌套深度不超过 " + MAX_NESTING_DEPTH + "，字符串不超过 " + MAX_STRING_LENGTH
                            + " 字符，数字不超过 " + MAX_NUMBER_LENGTH + " 位，字段名不超过 " + MAX_NAME_LENGTH
                            + " 字符，记号不超过 " + MAX_TOKENS + " 个）：" + brief(e),
                    "exceeds a parsing limit (nesting depth " + MAX_NESTING_DEPTH + ", strings "
                            + MAX_STRING_LENGTH + " characters, numbers " + MAX_NUMBER_LENGTH + " digits, names "
                            + MAX_NAME_LENGTH + " characters, " + MAX_TOKENS + " tokens): " + brief(e)));
        } catch (JsonProcessingException e) {
            String msg = String.valueOf(e.getOriginalMessage());
            if (msg.startsWith("Duplicate field")) {
                String name = msg.replaceFirst("(?s)^Duplicate field '(.*?)'.*$", "$1");
                name = name.length() > 40 ? name.substring(0, 40) + "…" : name;
                return failed("JSON_DUPLICATE_KEY", pathOf(e), new LocalizedText("重复的字段名 \"" + name + "\"",
                        "duplicate key \"" + name + "\""));
            }
            return failed(pathOf(e), new LocalizedText("不是有效的 JSON（" + location(e) + "）：" + brief(e),
                    "not valid JSON (" + location(e) + "): " + brief(e)));
        } catch (IOException e) {
            return failed("$", new LocalizedText("无法读取：" + brief(e), "cannot be read: " + brief(e)));
        }
    }

    /**
     * Streams a document that starts with an object into the records; anything else is read as a tree as a
     * whole, so that it is refused for the same reason as always (a syntax error after the value, say).
     */
    private static ParseResult read(JsonParser in, byte[] json) throws IOException {
        if (in.nextToken() != JsonToken.START_OBJECT) {
            return notAnObject(MAPPER.readTree(json));
        }
        List<Finding> findings = new ArrayList<>();
        Declaration declaration = new DeclarationMapper(in, findings).declaration();
        requireEnd(in);
        return new ParseResult(declaration, findings);
    }

    private static ParseResult notAnObject(JsonNode tree) {
        if (tree == null || tree.isMissingNode()) {
            return failed("$", new LocalizedText("文件为空", "the document is empty"));
        }
        return failed("$", new LocalizedText("顶层必须是 JSON 对象", "the top level must be a JSON object"));
    }

    /** Nothing but white space may follow the object: the exception Jackson's FAIL_ON_TRAILING_TOKENS throws. */
    private static void requireEnd(JsonParser in) throws IOException {
        JsonToken trailing = in.nextToken();
        if (trailing != null) {
            throw MismatchedInputException.from(in, JsonNode.class, String.format("Trailing token (of type %s) "
                    + "found after value (bound as %s): not allowed as per "
                    + "`DeserializationFeature.FAIL_ON_TRAILING_TOKENS`", trailing, ClassUtil.nameOf(JsonNode.class)));
        }
    }

    private static ParseResult failed(String path, LocalizedText problem) {
        return failed(null, path, problem);
    }

    private static ParseResult failed(String limit, String path, LocalizedText problem) {
        return new ParseResult(null, List.of(StructuralFindings.schema(path, problem)), limit);
    }

    /** Which reader limit Jackson's message names. */
    static String limitCode(StreamConstraintsException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (m.contains("nesting depth")) {
            return "JSON_TOO_DEEP";
        }
        if (m.contains("number value length") || m.contains("number length")) {
            return "JSON_NUMBER_TOO_LONG";
        }
        if (m.contains("string value length") || m.contains("string length")) {
            return "JSON_STRING_TOO_LONG";
        }
        if (m.contains("name length") || m.contains("name value length")) {
            return "JSON_NAME_TOO_LONG";
        }
        if (m.contains("token count")) {
            return "JSON_TOO_MANY_TOKENS";
        }
        if (m.contains("document length")) {
            return "JSON_TOO_LARGE";
        }
        return "JSON_LIMIT";
    }

    /** Jackson's own message without the source excerpt, capped so that hostile input is never echoed back. */
    private static String brief(Exception e) {
        String m = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }

    private static String location(JsonProcessingException e) {
        var loc = e.getLocation();
        return loc == null ? "?" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** The JSON path where the reader stopped, e.g. {@code $.mine.name}. */
    private static String pathOf(JsonProcessingException e) {
        return e.getProcessor() instanceof JsonParser p ? pathOf(p.getParsingContext()) : "$";
    }

    /**
     * The JSON path of the parser's position in {@code ctx}: the field whose name or value was read last, or
     * the array element; names longer than 40 characters are clipped.
     */
    static String pathOf(JsonStreamContext ctx) {
        List<String> parts = new ArrayList<>();
        int guard = 0;
        while (ctx != null && !ctx.inRoot() && guard++ < MAX_NESTING_DEPTH + 2) {
            if (ctx.inArray()) {
                parts.add("[" + Math.max(ctx.getCurrentIndex(), 0) + "]");
            } else if (ctx.inObject() && ctx.getCurrentName() != null) {
                String n = ctx.getCurrentName();
                parts.add("." + (n.length() > 40 ? n.substring(0, 40) + "…" : n));
            }
            ctx = ctx.getParent();
        }
        StringBuilder sb = new StringBuilder("$");
        for (int i = parts.size() - 1; i >= 0; i--) {
            sb.append(parts.get(i));
        }
        return sb.toString();
    }
}
