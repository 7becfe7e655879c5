package org.minedecl.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** SECURITY-TESTS C9: no exported cell is run by a spreadsheet, in CSV or XLSX. */
class TableWriterTest {
    private static final List<String> HOSTILE = List.of("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1");

    private static Table table() {
        Table.Builder t = new Table.Builder("t", "text", "amount");
        for (String h : HOSTILE) {
            t.row(h, new BigDecimal("-12.50"));
        }
        t.row("矿业 ok", null);
        return t.build();
    }

    @Test
    void everyCellThatBeginsLikeAFormulaGetsALeadingApostrophe() {
        for (String h : HOSTILE) {
            assertThat(TableWriter.neutralize(h)).as(h).isEqualTo("'" + h);
        }
        assertThat(TableWriter.neutralize("矿业 = ok")).isEqualTo("矿业 = ok");
        assertThat(TableWriter.neutralize("")).isEmpty();
    }

    @Test
    void csvQuotesNeutralizedCellsAndWritesNumbersAsNumbers() {
        String csv = new String(TableWriter.csv(table()), StandardCharsets.UTF_8);

        List<String> lines = csv.substring(1).lines().toList();
        assertThat(csv).startsWith("\uFEFFtext,amount\r\n");
        assertThat(lines.get(1)).isEqualTo("\"'=1+1\",-12.50");
        assertThat(lines.get(4)).isEqualTo("\"'@SUM(A1)\",-12.50");
        assertThat(csv).contains("\"'\t=1+1\",-12.50\r\n").contains("\"'\r=1+1\",-12.50\r\n");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("矿业 ok,");
    }

    @Test
    void xlsxWritesTextAsStringCellsWithTheApostropheAndNumbersAsNumbers() throws Exception {
        byte[] xlsx = TableWriter.xlsx(table());

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(HOSTILE.size() + 2);
            for (int i = 0; i < HOSTILE.size(); i++) {
                Row r = rows.get(i + 1);
                assertThat(r.getCell(0).getType()).isEqualTo(CellType.STRING);
                assertThat(r.getCell(0).getRawValue()).isEqualTo("'" + HOSTILE.get(i));
                assertThat(r.getCell(1).getType()).isEqualTo(CellType.NUMBER);
                assertThat(r.getCell(1).asNumber()).isEqualByComparingTo("-12.50");
            }
        }
    }
}
