package org.minedecl.client.app.batch;

import java.util.List;
import org.minedecl.client.app.drafts.FieldKind;
/**
 * One field of {@code mine-declaration/1} as a spreadsheet column: its JSON path ({@code mine.name}; an array's
 * fields as {@code greenMine.milestones[].due}), how its cells are read, and its Chinese header label.
 *
 * @param enumType the enum of an {@link FieldKind#ENUM} field, otherwise null
 * @param label    the Chinese header the template writes; in an array's field {@code {n}} is the element number
 * @param english  the English name, for the template's explanation sheet
 * @param unit     the unit (元, 公顷, 万吨, %), or empty
 * @param aliases  earlier Chinese labels still accepted as headers
 */
public record FieldSpec(String path, FieldKind kind, Class<? extends Enum<?>> enumType, String label,
                        String english, String unit, List<String> aliases) {
    public FieldSpec {
        aliases = List.copyOf(aliases);
    }

    /** Whether this field belongs to the elements of an array (one column per element). */
    public boolean inArray() {
        return path.contains("[]");
    }

    /** The concrete path of element {@code index} ({@code greenMine.milestones[0].due}); the path when not in an array. */
    public String pathAt(int index) {
        return inArray() ? path.replace("[]", "[" + index + "]") : path;
    }

    /** The Chinese label of element {@code index} (numbered from 1 for index 0). */
    public String labelAt(int index) {
        return label.replace("{n}", Integer.toString(index + 1));
    }

    /** The English name of element {@code index}. */
    public String englishAt(int index) {
        return english.replace("{n}", Integer.toString(index + 1));
    }
}
