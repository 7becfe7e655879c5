package org.minedecl.client.app.fields;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.drafts.FieldKind;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.RestorationFund;

/**
 * The one catalogue of the fields of {@code mine-declaration/1}: every field's JSON path, {@link FieldKind}, enum,
 * Chinese and English label and unit, taken from the records of {@link Declaration} (so it cannot drift from the
 * model) and {@code fields.properties}. The desktop form labels its inputs from it, and {@code minedecl import}'s
 * columns and template are made from it, so a field is called the same everywhere.
 */
public final class FieldCatalog {
    private static final FieldCatalog STANDARD = load();

    private final List<Field> fields;
    private final Map<String, Field> byPath;
    private final Map<Class<?>, Map<String, String>> enumLabels;

    /**
     * One field.
     *
     * @param path     the JSON path without {@code $.}; an array's fields as {@code greenMine.milestones[].due}
     * @param enumType the enum of an {@link FieldKind#ENUM} field, otherwise null
     * @param zh       the Chinese label; in an array's field {@code {n}} is the element's number
     * @param en       the English label, likewise
     * @param unit     the unit (元, 公顷, 万吨, %), or empty
     * @param aliases  earlier Chinese labels the importer still accepts
     */
    public record Field(String path, FieldKind kind, Class<? extends Enum<?>> enumType, String zh, String en,
                        String unit, List<String> aliases) {
        public Field {
            aliases = List.copyOf(aliases);
        }

        /** Whether this field belongs to the elements of an array. */
        public boolean inArray() {
            return path.contains("[]");
        }

        /** The label in {@code language}, of element {@code index} for an array's field (numbered from 1). */
        public String label(Language language, int index) {
            String l = language == Language.EN ? en : zh;
            return l.replace("{n}", Integer.toString(index + 1));
        }
    }

    private FieldCatalog(List<Field> fields, Map<Class<?>, Map<String, String>> enumLabels) {
        this.fields = List.copyOf(fields);
        this.enumLabels = enumLabels;
        this.byPath = new HashMap<>();
        for (Field f : fields) {
            byPath.put(f.path(), f);
        }
    }

    /** The catalogue of the model this client was built with. */
    public static FieldCatalog standard() {
        return STANDARD;
    }

    /** Every field in the order of the document. */
    public List<Field> fields() {
        return fields;
    }

    /** The field of a path, generic ({@code greenMine.milestones[].due}) or concrete ({@code ...[2].due}). */
    public Optional<Field> field(String path) {
        return Optional.ofNullable(byPath.get(generic(path)));
    }

    /**
     * The label of a path in {@code language}: a concrete array path numbers its element; a path that is no
     * field's gives the path itself.
     */
    public String label(String path, Language language) {
        Field f = byPath.get(generic(path));
        if (f == null) {
            return path;
        }
        return f.label(language, index(path));
    }

    /** The Chinese labels of an enum's values, by code. */
    public Map<String, String> enumLabels(Class<?> type) {
        return enumLabels.getOrDefault(type, Map.of());
    }

    private static String generic(String path) {
        return path.replaceAll("\\[\\d+]", "[]");
    }

    private static int index(String path) {
        int open = path.indexOf('[');
        int close = path.indexOf(']', open + 1);
        if (open < 0 || close < 0 || close == open + 1) {
            return 0;
        }
        try {
            return Integer.parseInt(path.substring(open + 1, close));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---- building the catalogue from the records ----

    private static FieldCatalog load() {
        Properties p = new Properties();
        try (InputStream in = FieldCatalog.class.getResourceAsStream("fields.properties")) {
            if (in == null) {
                throw new IllegalStateException("fields.properties is missing from the client jar");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Field> fields = new ArrayList<>();
        Map<Class<?>, Map<String, String>> enums = new LinkedHashMap<>();
        walk(Declaration.class, "", p, fields, enums);
        return new FieldCatalog(fields, Collections.unmodifiableMap(enums));
    }

    private static void walk(Class<?> record, String prefix, Properties p, List<Field> out,
                             Map<Class<?>, Map<String, String>> enums) {
        for (RecordComponent rc : record.getRecordComponents()) {
            String path = prefix + rc.getName();
            Class<?> type = rc.getType();
            if (type.isRecord()) {
                walk(type, path + ".", p, out, enums);
            } else if (type == List.class) {
                Type element = ((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[0];
                walk((Class<?>) element, path + "[].", p, out, enums);
            } else {
                out.add(field(path, type, record, p, enums));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Field field(String path, Class<?> type, Class<?> owner, Properties p,
                               Map<Class<?>, Map<String, String>> enums) {
        FieldKind kind;
        Class<? extends Enum<?>> enumType = null;
        if (type == String.class) {
            kind = FieldKind.TEXT;
        } else if (type == BigDecimal.class) {
            kind = owner == RestorationFund.class ? FieldKind.MONEY : FieldKind.NUMBER;
        } else if (type == LocalDate.class) {
            kind = FieldKind.DATE;
        } else if (type == Boolean.class) {
            kind = FieldKind.BOOLEAN;
        } else if (type.isEnum()) {
            kind = FieldKind.ENUM;
            enumType = (Class<? extends Enum<?>>) type;
            enums.computeIfAbsent(type, t -> enumLabels(t, p));
        } else {
            throw new IllegalStateException("no field kind for " + path + " of type " + type);
        }
        String zh = p.getProperty(path + ".label");
        String en = p.getProperty(path + ".en");
        if (zh == null || en == null) {
            throw new IllegalStateException("fields.properties has no Chinese or English label for " + path);
        }
        String alias = p.getProperty(path + ".alias");
        return new Field(path, kind, enumType, zh, en, p.getProperty(path + ".unit", ""),
                alias == null ? List.of() : List.of(alias.split("\\|")));
    }

    private static Map<String, String> enumLabels(Class<?> type, Properties p) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Object c : type.getEnumConstants()) {
            String name = ((Enum<?>) c).name();
            String label = p.getProperty(type.getSimpleName() + "." + name);
            if (label == null) {
                throw new IllegalStateException("fields.properties has no Chinese label for "
                        + type.getSimpleName() + "." + name);
            }
            labels.put(name, label);
        }
        return Collections.unmodifiableMap(labels);
    }
}
