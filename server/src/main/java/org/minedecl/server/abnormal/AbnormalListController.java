package org.minedecl.server.abnormal;

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
 * {@code GET /api/v1/abnormal-list?jurisdiction=&state=}: the register inside the caller's scope, as JSON, CSV or
 * XLSX (by {@code Accept}).
 */
@Controller("/api/v1/abnormal-list")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AbnormalListController {
    private final AbnormalListService service;
    private final Scopes scopes;

    public AbnormalListController(AbnormalListService service, Scopes scopes) {
        this.service = service;
        this.scopes = scopes;
    }

    @Get(value = "{?jurisdiction,state}", produces = {"application/json", Exports.CSV, Exports.XLSX})
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String jurisdiction,
                                @Nullable @QueryValue String state) {
        AbnormalListService.AbnormalList list = service.entries(scopes.of(request), jurisdiction, state);
        return Exports.respond(request, list, () -> AbnormalListService.table(list), "abnormal-list");
    }
}
