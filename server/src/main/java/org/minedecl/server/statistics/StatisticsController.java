package org.minedecl.server.statistics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.minedecl.server.export.Exports;
import org.minedecl.server.auth.Scopes;

/**
 * {@code GET /api/v1/missing-filings?period=&jurisdiction=} and {@code GET /api/v1/statistics?period=&jurisdiction=},
 * inside the caller's scope, as JSON, CSV or XLSX (by {@code Accept}).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatisticsController {
    private final StatisticsService service;
    private final Scopes scopes;

    public StatisticsController(StatisticsService service, Scopes scopes) {
        this.service = service;
        this.scopes = scopes;
    }

    @Get(value = "/missing-filings{?period,jurisdiction}", produces = {"application/json", Exports.CSV, Exports.XLSX})
    public HttpResponse<?> missing(HttpRequest<?> request, @Nullable @QueryValue String period,
                                   @Nullable @QueryValue String jurisdiction) {
        StatisticsService.MissingFilings m = service.missing(scopes.of(request), period, jurisdiction);
        return Exports.respond(request, m, () -> StatisticsService.table(m), "missing-filings-" + m.period());
    }

    @Get(value = "/statistics{?period,jurisdiction}", produces = {"application/json", Exports.CSV, Exports.XLSX})
    public HttpResponse<?> statistics(HttpRequest<?> request, @Nullable @QueryValue String period,
                                      @Nullable @QueryValue String jurisdiction) {
        StatisticsService.Statistics s = service.statistics(scopes.of(request), period, jurisdiction);
        return Exports.respond(request, s, () -> StatisticsService.table(s), "statistics-" + s.period());
    }
}
