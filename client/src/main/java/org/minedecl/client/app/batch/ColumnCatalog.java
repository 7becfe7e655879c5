package org.minedecl.client.app.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.minedecl.client.app.fields.FieldCatalog;

/**
 * The spreadsheet columns of {@code minedecl import}: every field of {@code mine-declaration/1} of the one
 * {@link FieldCatalog} (the desktop form's vocabulary too), with its Chinese label, English name and unit, the
 * earlier labels still accepted, and the Chinese labels of the enum values.
 *
 * <p>A header cell names its column by JSON path ({@code restorationFund.deposited},
 * {@code greenMine.milestones[0].due}) or by the Chinese label ({@code 本季度实际存入基金}, {@code 里程碑1计划完成日期}).
 */
public final class ColumnCatalog {
    /** Elements of one array a spreadsheet may fill ({@code [0]} to {@code [19]}). */
    public static final int MAX_ARRAY_ELEMENTS = 20;

    private static final Pattern INDEX = Pattern.compile("\\[(\\d{1,3})]");
    private static final ColumnCatalog STANDARD = load();

    private final List<FieldSpec> fields;
    private final Map<String, FieldSpec> byPath;
    private final Map<String, Column> byLabel;
    private final Map<Class<?>, Map<String, String>> enumLabels;

    private ColumnCatalog(List<FieldSpec> fields, Map<Class<?>, Map<String, String>> enumLabels) {
        this.fields = List.copyOf(fields);
        this.enumLabels = enumLabels;
        this.byPath = new HashMap<>();
        this.byLabel = new HashMap<>();
        for (FieldSpec f : fields) {
            byPath.put(f.path(), f);
            int elements = f.inArray() ? MAX_ARRAY_ELEMENTS : 1;
            for (int i = 0; i < elements; i++) {
                Column column = new Column(f, f.inArray() ? i : -1);
                byLabel.put(f.labelAt(i), column);
                for (String alias : f.aliases()) {
                    // an earlier label stays accepted, unless it is another field's label now
                    byLabel.putIfAbsent(alias.replace("{n}", Integer.toString(i + 1)), column);
                }
            }
        }
    }

    /** The catalogue of the model this client was built with. */
    public static ColumnCatalog standard() {
        return STANDARD;
    }

    /** Every field in the order of the document (the template's column order). */
    public List<FieldSpec> fields() {
        return fields;
    }

    /** The column a header cell names (JSON path or Chinese label, surrounding blanks ignored), if any. */
    public Optional<Column> resolve(String header) {
        String h = header.strip();
        Column byName = byLabel.get(h);
        if (byName != null) {
            return Optional.of(byName);
        }
        Matcher m = INDEX.matcher(h);
        int index = -1;
        String generic = h;
        if (m.find()) {
            index = Integer.parseInt(m.group(1));
            generic = h.substring(0, m.start()) + "[]" + h.substring(m.end());
            if (m.find() || index >= MAX_ARRAY_ELEMENTS) {
                return Optional.empty();
            }
        }
        FieldSpec f = byPath.get(generic);
        if (f == null || f.inArray() != (index >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new Column(f, index));
    }

    /** The code of an enum value given as its code (any case) or its Chinese label; empty when neither. */
    public Optional<String> enumCode(Class<? extends Enum<?>> type, String text) {
        String t = text.strip();
        for (Enum<?> c : type.getEnumConstants()) {
            if (c.name().equalsIgnoreCase(t)) {
                return Optional.of(c.name());
            }
        }
        for (Map.Entry<String, String> e : enumLabels.getOrDefault(type, Map.of()).entrySet()) {
            if (e.getValue().equals(t)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** The Chinese label of an enum value, or the code itself when it has none. */
    public String enumLabel(Class<? extends Enum<?>> type, String code) {
        return enumLabels.getOrDefault(type, Map.of()).getOrDefault(code, code);
    }

    /** The enum values as "code 中文" pairs for messages and the template's explanation sheet. */
    public List<String> enumChoices(Class<? extends Enum<?>> type) {
        List<String> out = new ArrayList<>();
        for (Enum<?> c : type.getEnumConstants()) {
            out.add(c.name() + " " + enumLabel(type, c.name()));
        }
        return out;
    }

    /** One column: a field and, for an array's field, the element (-1 otherwise). */
    public record Column(FieldSpec field, int index) {
        /** The concrete JSON path without {@code $.}, e.g. {@code greenMine.milestones[0].due}. */
        public String path() {
            return field.pathAt(index);
        }

        public String label() {
            return field.labelAt(index);
        }
    }

    // ---- the columns from the one field catalogue ----

    private static ColumnCatalog load() {
        FieldCatalog catalog = FieldCatalog.standard();
        List<FieldSpec> fields = new ArrayList<>();
        Map<Class<?>, Map<String, String>> enums = new LinkedHashMap<>();
        for (FieldCatalog.Field f : catalog.fields()) {
            fields.add(new FieldSpec(f.path(), f.kind(), f.enumType(), f.zh(), f.en(), f.unit(), f.aliases()));
            if (f.enumType() != null) {
                enums.computeIfAbsent(f.enumType(), catalog::enumLabels);
            }
        }
        return new ColumnCatalog(fields, Collections.unmodifiableMap(enums));
    }
}
