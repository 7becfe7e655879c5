package org.minedecl.server.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A list as rows of cells under named columns. A cell is text, a number ({@link Number}: written as a number, never
 * as text) or null (empty).
 */
public record Table(String name, List<String> columns, List<List<Object>> rows) {
    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Builds a table row by row. */
    public static final class Builder {
        private final String name;
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        public Builder(String name, String... columns) {
            this.name = name;
            this.columns = List.of(columns);
        }

        public Builder row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
            }
            rows.add(java.util.Collections.unmodifiableList(java.util.Arrays.asList(cells.clone())));
            return this;
        }

        public Table build() {
            return new Table(name, columns, rows);
        }
    }
}
