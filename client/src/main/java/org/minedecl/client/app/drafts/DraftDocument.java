package org.minedecl.client.app.drafts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One declaration as typed: a JSON tree addressed by the paths of CONTRACTS section 11 ({@code mine.name},
 * {@code greenMine.milestones[1].due}). A value that does not parse stays in the tree as the text typed; the
 * parser then reports it as a finding at its path. Owned by one thread (the event thread in the desktop); the
 * autosaver gets {@link #snapshot() snapshots}.
 */
public final class DraftDocument {
    /** Keeps decimals exact ({@code 30000.10} stays {@code 30000.10}). */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final ObjectNode root;

    public DraftDocument(ObjectNode root) {
        this.root = root;
    }

    /** An empty declaration of {@code mine-declaration/1} with the sections the form shows. */
    public static DraftDocument blank() {
        ObjectNode r = NODES.objectNode();
        r.put("schema", "mine-declaration/1");
        for (String s : List.of("enterprise", "mine", "licences", "production", "restorationFund", "restoration",
                "greenMine")) {
            r.putObject(s);
        }
        r.withObject("/enterprise").putObject("contact");
        r.withObject("/licences").putObject("mining");
        r.withObject("/restorationFund").putObject("account");
        r.putArray("attachments");
        r.putObject("declarant");
        return new DraftDocument(r);
    }

    public ObjectNode root() {
        return root;
    }

    public DraftDocument snapshot() {
        return new DraftDocument(root.deepCopy());
    }

    /** The value at {@code path}, or null when absent. */
    public JsonNode get(String path) {
        JsonNode n = root;
        for (Object step : steps(path)) {
            if (n == null) {
                return null;
            }
            n = step instanceof Integer i ? (n.isArray() ? n.get(i) : null) : (n.isObject() ? n.get((String) step) : null);
        }
        return n == null || n.isNull() ? null : n;
    }

    /** The text at {@code path} ({@code ""} when absent), as a text field shows it before formatting. */
    public String text(String path) {
        JsonNode n = get(path);
        return n == null ? "" : n.isTextual() ? n.textValue() : n.isNumber() ? n.decimalValue().toPlainString()
                : n.toString();
    }

    /** Sets (or, with {@code null}, removes) the value at {@code path}, creating the objects on the way. */
    public void set(String path, JsonNode value) {
        List<Object> steps = steps(path);
        JsonNode n = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            Object step = steps.get(i);
            boolean nextIsIndex = steps.get(i + 1) instanceof Integer;
            n = child(n, step, nextIsIndex);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer idx) {
            ArrayNode a = (ArrayNode) n;
            while (a.size() <= idx) {
                a.addObject();
            }
            a.set(idx, value == null ? NODES.nullNode() : value);
        } else if (value == null) {
            ((ObjectNode) n).remove((String) last);
        } else {
            ((ObjectNode) n).set((String) last, value);
        }
    }

    private static JsonNode child(JsonNode parent, Object step, boolean array) {
        if (step instanceof Integer idx) {
            ArrayNode a = (ArrayNode) parent;
            while (a.size() <= idx) {
                a.addObject();
            }
            return a.get(idx);
        }
        ObjectNode o = (ObjectNode) parent;
        JsonNode c = o.get((String) step);
        if (c == null || !(array ? c.isArray() : c.isObject())) {
            c = array ? o.putArray((String) step) : o.putObject((String) step);
        }
        return c;
    }

    /** {@code a.b[2].c} as {@code ["a", "b", 2, "c"]}; a leading {@code $.} (as in findings) is ignored. */
    static List<Object> steps(String path) {
        String p = path.startsWith("$.") ? path.substring(2) : path;
        List<Object> out = new ArrayList<>();
        for (String part : p.split("\\.")) {
            int b = part.indexOf('[');
            out.add(b < 0 ? part : part.substring(0, b));
            while (b >= 0) {
                int e = part.indexOf(']', b);
                out.add(Integer.parseInt(part.substring(b + 1, e)));
                b = part.indexOf('[', e);
            }
        }
        return out;
    }

    /** The path of a finding ({@code $.mine.name}) as a field name ({@code mine.name}). */
    public static String fieldPath(String findingPath) {
        if (findingPath == null || findingPath.equals("$")) {
            return "";
        }
        return findingPath.startsWith("$.") ? findingPath.substring(2) : findingPath;
    }
}
