package org.minedecl.client.app.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON report of CONTRACTS section 10: {@code { "rows": [ { "row": 17, "file": "...json"?, "findings": [
 * { finding fields of section 2 plus "column", "cell" } ] } ] }}, and for an XLSX file the sheet read (the first)
 * and the other sheets, not read: {@code "sheet": "申报数据", "otherSheets": ["示例", ...]}.
 */
public final class ImportReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ImportReportJson() {
    }

    public static String write(ImportReport report) {
        List<Object> rows = new ArrayList<>();
        for (ImportReport.RowResult r : report.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("row", r.row());
            if (r.file() != null) {
                row.put("file", r.file());
            }
            List<Object> findings = new ArrayList<>();
            for (ImportReport.CellFinding f : r.findings()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> finding = JSON.convertValue(f.finding(), LinkedHashMap.class);
                finding.put("column", f.column());
                if (f.cell() != null) {
                    finding.put("cell", f.cell());
                }
                findings.add(finding);
            }
            row.put("findings", findings);
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (report.sheet() != null) {
            out.put("sheet", report.sheet());
            out.put("otherSheets", report.otherSheets());
        }
        out.put("rows", rows);
        try {
            return JSON.writeValueAsString(out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the import report cannot be written as JSON", e);
        }
    }
}
