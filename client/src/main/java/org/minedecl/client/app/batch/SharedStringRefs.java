package org.minedecl.client.app.batch;

import org.minedecl.client.app.Language;

/**
 * Finds, while {@link ZipGuard} decompresses the parts, how many shared strings an XLSX has and the highest index
 * its sheets use. fastexcel-reader pads a missing shared string with empty ones, one by one: an index past the
 * end would turn into an empty cell, and an index of two billion would fill the memory. A small tag scanner over
 * the bytes (element local names, so prefixed {@code x:c} too), fed in pieces.
 */
final class SharedStringRefs {
    private long strings;
    private long highest = -1;
    private String badIndex;

    /** One part's scanner: the shared strings table counts {@code si} elements, a sheet reads {@code t="s"} cells. */
    final class Part {
        private final boolean table;
        private int state;             // 0 text, 1 in a tag name, 2 in a tag's attributes, 3 in a v's text
        private final StringBuilder name = new StringBuilder();
        private final StringBuilder attrs = new StringBuilder();
        private final StringBuilder value = new StringBuilder();
        private boolean sharedCell;
        private boolean cellTag;
        private boolean pendingV;

        Part(boolean table) {
            this.table = table;
        }

        void feed(byte[] b, int n) {
            for (int i = 0; i < n; i++) {
                byte c = b[i];
                switch (state) {
                    case 0:
                        if (c == '<') {
                            state = 1;
                            name.setLength(0);
                        }
                        break;
                    case 1:
                        if (c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r') {
                            attrs.setLength(0);
                            cellTag = !table && localIs("c");
                            if (c == '>' || c == '/') {
                                endOfTag();
                            } else {
                                state = 2;
                            }
                        } else if (name.length() < 16) {
                            name.append((char) c);
                        }
                        break;
                    case 2:
                        if (c == '>') {
                            endOfTag();
                        } else if (cellTag && attrs.length() < 256) {
                            attrs.append((char) c); // only a cell's attributes matter (its type)
                        }
                        break;
                    default: // the text of a shared cell's v
                        if (c == '<') {
                            index(value.toString().strip());
                            state = 1;
                            name.setLength(0);
                        } else if (value.length() < 16) {
                            value.append((char) c);
                        }
                }
            }
        }

        private void endOfTag() {
            state = 0;
            if (table) {
                if (localIs("si")) {
                    strings++;
                }
                return;
            }
            if (localIs("c")) {
                sharedCell = sharedType(attrs);
                pendingV = sharedCell;
            } else if (pendingV && localIs("v")) {
                pendingV = false;
                value.setLength(0);
                state = 3;
            }
        }

        /** Whether the tag's local name (after a prefix's colon) is {@code local}; no string is made. */
        private boolean localIs(String local) {
            int start = 0;
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) == ':') {
                    start = i + 1;
                }
            }
            if (name.length() - start != local.length()) {
                return false;
            }
            for (int i = 0; i < local.length(); i++) {
                if (name.charAt(start + i) != local.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    Part part(boolean sharedStringsTable) {
        return new Part(sharedStringsTable);
    }

    /** Whether a cell's attributes say {@code t="s"} (or {@code t='s'}, spaces around {@code =} allowed). */
    static boolean sharedType(CharSequence a) {
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != 't' || (i > 0 && !Character.isWhitespace(a.charAt(i - 1)))) {
                continue;
            }
            int j = i + 1;
            while (j < a.length() && Character.isWhitespace(a.charAt(j))) {
                j++;
            }
            if (j >= a.length() || a.charAt(j) != '=') {
                continue;
            }
            j++;
            while (j < a.length() && Character.isWhitespace(a.charAt(j))) {
                j++;
            }
            if (j + 2 < a.length() && (a.charAt(j) == '"' || a.charAt(j) == '\'') && a.charAt(j + 1) == 's'
                    && (a.charAt(j + 2) == '"' || a.charAt(j + 2) == '\'')) {
                return true;
            }
        }
        return false;
    }

    private static boolean digits(String text) {
        if (text.isEmpty() || text.length() > 10) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private void index(String text) {
        if (!digits(text)) {
            if (badIndex == null) {
                badIndex = text.length() > 16 ? text.substring(0, 16) : text;
            }
            return;
        }
        highest = Math.max(highest, Long.parseLong(text));
    }

    /** Refuses a reference that is not an index, or one past the end of the table. */
    void check() throws UnreadableSpreadsheet {
        if (badIndex != null) {
            throw ZipGuard.damaged(Language.both("import.error.sharedStringRefs.sharedStringReferenceIsNot", badIndex));
        }
        if (highest >= strings) {
            throw ZipGuard.damaged(Language.both("import.error.sharedStringRefs.aCellRefersToShared",
                    highest, strings));
        }
    }
}
