package org.minedecl.client.app.batch;

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
                        } else if (attrs.length() < 256) {
                            attrs.append((char) c);
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
            String local = localName();
            state = 0;
            if (table) {
                if (local.equals("si")) {
                    strings++;
                }
                return;
            }
            if (local.equals("c")) {
                sharedCell = attrs.toString().matches("(?s)(.*\\s)?t\\s*=\\s*[\"']s[\"'].*");
                pendingV = sharedCell;
            } else if (local.equals("v") && pendingV) {
                pendingV = false;
                value.setLength(0);
                state = 3;
            }
        }

        private String localName() {
            String s = name.toString();
            int colon = s.indexOf(':');
            return colon >= 0 ? s.substring(colon + 1) : s;
        }
    }

    Part part(boolean sharedStringsTable) {
        return new Part(sharedStringsTable);
    }

    private void index(String text) {
        if (!text.matches("\\d{1,10}")) {
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
            throw ZipGuard.damaged("共享字符串编号 \"" + badIndex + "\" 不是编号", "shared string reference \""
                    + badIndex + "\" is not an index");
        }
        if (highest >= strings) {
            throw ZipGuard.damaged("单元格引用了第 " + highest + " 个共享字符串，但文件只有 " + strings + " 个",
                    "a cell refers to shared string " + highest + " but the file has " + strings);
        }
    }
}
