package org.minedecl.shared.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rule packs as data: reads {@code rules/packs.json}, each {@code rules/<pack>/pack.json} and each
 * {@code rules/<pack>/<RULE-ID>.json} from the classpath and checks them. A pack or rule that is incomplete
 * (no citation, a missing zh or en message, a FLAG without disposition, an unknown parent) is a build
 * defect: loading fails with {@link IllegalStateException} naming the file.
 */
public final class RuleCatalog {
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile RuleCatalog standard;

    private final List<RulePack> packs;
    private final Map<String, RuleDefinition> rules;

    private RuleCatalog(List<RulePack> packs) {
        this.packs = List.copyOf(packs);
        Map<String, RuleDefinition> byId = new LinkedHashMap<>();
        for (RulePack p : packs) {
            for (RuleDefinition r : p.rules()) {
                if (byId.put(r.id(), r) != null) {
                    throw new IllegalStateException("rule " + r.id() + " is defined twice");
                }
            }
        }
        this.rules = java.util.Collections.unmodifiableMap(byId);
    }

    /** The packs bundled in this build ({@code rules/} on the classpath of this class). */
    public static RuleCatalog standard() {
        RuleCatalog c = standard;
        if (c == null) {
            synchronized (RuleCatalog.class) {
                c = standard;
                if (c == null) {
                    c = load(RuleCatalog.class.getClassLoader(), "rules");
                    standard = c;
                }
            }
        }
        return c;
    }

    /** A catalogue of the given packs (tests, and tools that layer a pack of their own). */
    public static RuleCatalog of(List<RulePack> packs) {
        return new RuleCatalog(packs);
    }

    /** Loads the packs under {@code root} (a classpath folder holding {@code packs.json}). */
    public static RuleCatalog load(ClassLoader loader, String root) {
        JsonNode index = read(loader, root + "/packs.json");
        List<RulePack> packs = new ArrayList<>();
        for (JsonNode id : index.path("packs")) {
            packs.add(loadPack(loader, root, id.asText()));
        }
        for (RulePack p : packs) {
            if (p.parent() != null && packs.stream().noneMatch(q -> q.id().equals(p.parent()))) {
                throw new IllegalStateException("pack " + p.id() + ": unknown parent " + p.parent());
            }
        }
        for (RulePack p : packs) {
            for (String ruleId : p.levels().keySet()) {
                String file = root + "/" + p.id().toLowerCase(Locale.ROOT) + "/pack.json";
                RuleDefinition r = packs.stream().flatMap(q -> q.rules().stream()).filter(x -> x.id().equals(ruleId))
                        .findFirst().orElse(null);
                require(r != null && r.retired() == null, file, "levels: no rule in force " + ruleId);
                require(ancestors(packs, p).contains(r.pack()), file, "levels: " + ruleId
                        + " is not defined in a higher pack of " + p.id());
            }
        }
        for (RulePack p : packs) {
            for (RuleDefinition r : p.rules()) {
                if (r.retired() != null && r.retired().replacedBy() != null) {
                    require(packs.stream().flatMap(q -> q.rules().stream())
                                    .anyMatch(x -> x.id().equals(r.retired().replacedBy()) && x.retired() == null),
                            root + "/" + p.id().toLowerCase(Locale.ROOT) + "/" + r.id() + ".json",
                            "retired.replacedBy names no rule in force: " + r.retired().replacedBy());
                }
            }
        }
        return new RuleCatalog(packs);
    }

    /** The ids of the packs above {@code p} (its parent, the parent's parent, ...). */
    private static List<String> ancestors(List<RulePack> packs, RulePack p) {
        List<String> out = new ArrayList<>();
        String parent = p.parent();
        while (parent != null && !out.contains(parent)) {
            out.add(parent);
            String current = parent;
            parent = packs.stream().filter(q -> q.id().equals(current)).findFirst().map(RulePack::parent).orElse(null);
        }
        return out;
    }

    public List<RulePack> packs() {
        return packs;
    }

    public Map<String, RuleDefinition> rules() {
        return rules;
    }

    public RuleDefinition rule(String id) {
        RuleDefinition r = rules.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no rule " + id);
        }
        return r;
    }

    private static RulePack loadPack(ClassLoader loader, String root, String id) {
        String dir = root + "/" + id.toLowerCase(Locale.ROOT);
        String file = dir + "/pack.json";
        JsonNode p = read(loader, file);
        require(id.equals(p.path("id").asText()), file, "id must be " + id);
        String version = nonBlank(p, "version", file);
        String jurisdiction = p.path("jurisdiction").asText("");
        require(jurisdiction.isEmpty() || jurisdiction.matches("[1-9][0-9]{5}"), file, "bad jurisdiction");
        String parent = p.path("parent").isTextual() ? p.path("parent").asText() : null;
        require(parent != null || jurisdiction.isEmpty(), file, "only CORE may have no parent");
        Map<String, Object> params = new LinkedHashMap<>();
        flatten("", p.path("parameters"), params);
        List<RuleDefinition> rules = new ArrayList<>();
        for (JsonNode r : p.path("rules")) {
            rules.add(loadRule(loader, dir, id, r.asText()));
        }
        require(!rules.isEmpty(), file, "no rules");
        Map<String, List<LevelSetting>> levels = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = p.path("levels").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            List<LevelSetting> settings = new ArrayList<>();
            for (JsonNode s : e.getValue()) {
                settings.add(new LevelSetting(level(s, file + " levels." + e.getKey()), date(s.path("periodsEndingAfter")),
                        date(s.path("periodsEndingBy")), s.has("consequence")
                        ? texts(s.path("consequence"), file, "levels." + e.getKey() + ".consequence") : null,
                        nonBlank(s, "clause", file + " levels." + e.getKey())));
            }
            require(!settings.isEmpty(), file, "levels." + e.getKey() + " is empty");
            levels.put(e.getKey(), settings);
        }
        JsonNode basis = p.path("basis");
        LocalDate basisFrom = date(basis.path("from"));
        LocalDate basisTo = date(basis.path("to"));
        LocalizedText basisNote = basis.has("note") ? texts(basis.path("note"), file, "basis.note") : null;
        require((basisTo == null) == (basisNote == null), file, "basis.to and basis.note go together");
        return new RulePack(id, version, jurisdiction, parent, texts(p.path("name"), file, "name"),
                p.path("source").asText(""), params, rules, levels, basisFrom, basisTo, basisNote,
                changes(p.path("changes"), file));
    }

    private static Level level(JsonNode n, String file) {
        Severity severity = Severity.valueOf(nonBlank(n, "severity", file));
        Disposition disposition = n.path("disposition").isTextual()
                ? Disposition.valueOf(n.path("disposition").asText()) : null;
        require((severity == Severity.FLAG) == (disposition != null), file,
                "a FLAG needs a disposition and only a FLAG has one");
        return new Level(severity, disposition);
    }

    private static List<Change> changes(JsonNode n, String file) {
        List<Change> out = new ArrayList<>();
        for (JsonNode c : n) {
            out.add(new Change(nonBlank(c, "version", file + " changes"), texts(c, file, "changes"),
                    nonBlank(c, "clause", file + " changes")));
        }
        return out;
    }

    private static RuleDefinition loadRule(ClassLoader loader, String dir, String pack, String id) {
        String file = dir + "/" + id + ".json";
        JsonNode r = read(loader, file);
        require(id.equals(r.path("id").asText()), file, "id must be " + id);
        require(id.startsWith(pack + "-"), file, "rule ids of pack " + pack + " start with " + pack + "-");
        Level level = level(r, file);
        String citation = nonBlank(r, "citation", file);
        Map<String, Object> params = new LinkedHashMap<>();
        flatten("", r.path("parameters"), params);
        JsonNode eff = r.path("effective");
        Level escalation = r.has("escalation") ? level(r.path("escalation"), file + " escalation") : null;
        LocalizedText consequence = r.has("consequence") ? texts(r.path("consequence"), file, "consequence") : null;
        Retirement retired = null;
        if (r.has("retired")) {
            JsonNode t = r.path("retired");
            retired = new Retirement(nonBlank(t, "in", file + " retired"),
                    t.path("replacedBy").isTextual() ? t.path("replacedBy").asText() : null,
                    texts(t.path("reason"), file, "retired.reason"));
        }
        return new RuleDefinition(id, pack, r.path("stage").asText("evaluate"), level.severity(), level.disposition(),
                nonBlank(r, "path", file), texts(r.path("checks"), file, "checks"), citation,
                texts(r.path("message"), file, "message"), params, date(eff.path("from")), date(eff.path("to")),
                escalation, consequence, retired, changes(r.path("changes"), file));
    }

    private static LocalDate date(JsonNode n) {
        return n.isTextual() ? LocalDate.parse(n.asText()) : null;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(name + ".", v, out);
            } else if (v.isNumber()) {
                out.put(name, new BigDecimal(v.asText()));
            } else if (v.isTextual() && DATE.matcher(v.asText()).matches()) {
                out.put(name, LocalDate.parse(v.asText()));
            } else if (v.isBoolean()) {
                out.put(name, v.booleanValue());
            } else {
                out.put(name, v.asText());
            }
        }
    }

    private static LocalizedText texts(JsonNode n, String file, String what) {
        String zh = n.path("zh").asText("");
        String en = n.path("en").asText("");
        require(!zh.isBlank() && !en.isBlank(), file, what + " needs both zh and en");
        return new LocalizedText(zh, en);
    }

    private static String nonBlank(JsonNode n, String field, String file) {
        String v = n.path(field).asText("");
        require(!v.isBlank(), file, field + " is missing");
        return v;
    }

    private static void require(boolean ok, String file, String what) {
        if (!ok) {
            throw new IllegalStateException(file + ": " + what);
        }
    }

    private static JsonNode read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing rule resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable rule resource " + resource + ": " + e.getMessage(), e);
        }
    }
}
