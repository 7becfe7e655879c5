package org.minedecl.server.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a {@link Table} as CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel reads Chinese) or as an XLSX
 * workbook. Text that a spreadsheet would take for a formula - beginning with {@code =}, {@code +}, {@code -},
 * {@code @}, tab or carriage return - gets a leading apostrophe, in both formats (OWASP's advice for CSV injection);
 * in XLSX every text cell is a string cell besides, never a formula.
 */
public final class TableWriter {
    private TableWriter() {
    }

    /** {@code text} as a spreadsheet shows it and never evaluates it. */
    public static String neutralize(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    public static byte[] csv(Table table) {
        StringBuilder b = new StringBuilder("\uFEFF");
        line(b, table.columns());
        for (List<Object> row : table.rows()) {
            line(b, row);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object cell = cells.get(i);
            String text = cell == null ? "" : cell instanceof Number n ? number(n) : neutralize(cell.toString());
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                    || text.indexOf('\r') >= 0 || text.indexOf('\'') == 0) {
                b.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                b.append(text);
            }
        }
        b.append("\r\n");
    }

    private static String number(Number n) {
        return n instanceof BigDecimal d ? d.toPlainString() : n.toString();
    }

    public static byte[] xlsx(Table table) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        xlsx(table, out);
        return out.toByteArray();
    }

    public static void xlsx(Table table, OutputStream out) {
        try {
            Workbook wb = new Workbook(out, "minedecl", "1.0");
            Worksheet ws = wb.newWorksheet(table.name());
            for (int c = 0; c < table.columns().size(); c++) {
                ws.value(0, c, neutralize(table.columns().get(c)));
                ws.style(0, c).bold().set();
            }
            int r = 1;
            for (List<Object> row : table.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    Object cell = row.get(c);
                    if (cell instanceof Number n) {
                        ws.value(r, c, n);
                    } else if (cell != null) {
                        ws.value(r, c, neutralize(cell.toString()));
                    }
                }
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
