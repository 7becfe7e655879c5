package org.minedecl.server.export;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import java.util.function.Supplier;

/**
 * Answers a list request as JSON, or - when {@code Accept} asks for it - as CSV ({@code text/csv}) or XLSX
 * ({@link #XLSX}), as a download named after the list.
 */
public final class Exports {
    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Exports() {
    }

    /**
     * @param json     the JSON answer
     * @param table    the same list as a table, built only when asked for
     * @param fileName the download's name without extension
     */
    public static HttpResponse<?> respond(HttpRequest<?> request, Object json, Supplier<Table> table, String fileName) {
        for (MediaType m : request.accept()) {
            if (CSV.equals(m.getName())) {
                return download(TableWriter.csv(table.get()), CSV + ";charset=UTF-8", fileName + ".csv");
            }
            if (XLSX.equals(m.getName())) {
                return download(TableWriter.xlsx(table.get()), XLSX, fileName + ".xlsx");
            }
        }
        return HttpResponse.ok(json);
    }

    private static HttpResponse<byte[]> download(byte[] bytes, String type, String name) {
        return HttpResponse.ok(bytes).contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
}
