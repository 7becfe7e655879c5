package org.minedecl.shared.declaration;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields of one record type as {@link DeclarationMapper} reads them: the JSON names (the record's
 * components) and which of them are required, plus a {@link Tally} per JSON object being read, which finds
 * duplicate keys and missing required fields without keeping the values.
 *
 * <p>A tally also predicts the next field: the component after the last one read, the order in which
 * declarations are written. {@link com.fasterxml.jackson.core.JsonParser#nextFieldName(SerializableString)}
 * then matches the name's bytes instead of decoding and looking it up; any other name is read as usual.
 */
final class RecordFields {
    private final String[] names;
    private final SerializableString[] serialized;
    private final List<String> required;
    private final int[] requiredIndex;

    private RecordFields(Class<? extends Record> type, List<String> required) {
        var components = type.getRecordComponents();
        if (components.length > Integer.SIZE) {
            throw new IllegalArgumentException(type + " has more fields than a tally can hold");
        }
        this.names = new String[components.length];
        this.serialized = new SerializableString[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName().intern();
            serialized[i] = new SerializedString(names[i]);
        }
        this.required = List.copyOf(required);
        this.requiredIndex = required.stream().mapToInt(name -> {
            int i = indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException(name + " is required but not a field of " + type);
            }
            return i;
        }).toArray();
    }

    /**
     * The position of {@code name} among the record's fields, or -1. Jackson interns field names, so comparing
     * references finds a known name with a few pointer compares; {@code equals} is the fallback (an unknown
     * name, or a parser that does not intern).
     */
    int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The fields of {@code type}, the required ones as listed in {@link DeclarationMapper#REQUIRED}. */
    static RecordFields of(Class<? extends Record> type) {
        return new RecordFields(type, DeclarationMapper.REQUIRED.getOrDefault(type, List.of()));
    }

    /** A new tally for one JSON object of this type. */
    Tally tally() {
        return new Tally(this);
    }

    /** What has been seen of one JSON object so far. */
    static final class Tally {
        private final RecordFields fields;
        private int seen;
        private int present;
        private int last = -1;
        private Set<String> unknown;

        private Tally(RecordFields fields) {
            this.fields = fields;
        }

        /** The position of {@code name} among the record's fields, or -1 when the record has no such field. */
        int indexOf(String name) {
            return fields.indexOf(name);
        }

        /** The field expected next: the one after the last field read (the first one at the start). */
        int expected() {
            return (last + 1) % fields.names.length;
        }

        /** The name of {@link #expected()}, for {@code JsonParser.nextFieldName(SerializableString)}. */
        SerializableString expectedName() {
            return fields.serialized[expected()];
        }

        /** Notes that field {@code i} was read; false when it had been read before (a duplicate key). */
        boolean firstTime(int i) {
            last = i;
            int bit = 1 << i;
            boolean first = (seen & bit) == 0;
            seen |= bit;
            return first;
        }

        /** Notes that field {@code i} holds a value (not null). */
        void present(int i) {
            present |= 1 << i;
        }

        /** Notes an unknown field name; false when it appeared before in this object (a duplicate key). */
        boolean firstUnknown(String name) {
            if (unknown == null) {
                unknown = new HashSet<>();
            }
            return unknown.add(name);
        }

        /** The required fields that were absent or null, in the order of {@link DeclarationMapper#REQUIRED}. */
        List<String> missing() {
            List<String> missing = null;
            for (int k = 0; k < fields.requiredIndex.length; k++) {
                if ((present & (1 << fields.requiredIndex[k])) == 0) {
                    if (missing == null) {
                        missing = new ArrayList<>();
                    }
                    missing.add(fields.required.get(k));
                }
            }
            return missing == null ? List.of() : missing;
        }
    }
}
