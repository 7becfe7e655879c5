package org.minedecl.server.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import org.minedecl.server.export.Exports;
import org.minedecl.server.auth.Scopes;

/** {@code POST/GET /api/v1/submissions/{id}/decisions}: a regulator decides; whoever reads the submission reads them. */
@Controller("/api/v1/submissions/{id}/decisions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DecisionController {
    private final DecisionService service;
    private final Scopes scopes;

    public DecisionController(DecisionService service, Scopes scopes) {
        this.service = service;
        this.scopes = scopes;
    }

    /** The decisions on one submission. */
    public record Decisions(String submissionId, List<DecisionRepository.Decision> decisions) {
    }

    @Post(consumes = "application/json")
    public HttpResponse<DecisionRepository.Decision> decide(HttpRequest<?> request, @PathVariable String id,
                                                           @Nullable @Body DecisionService.DecisionRequest body) {
        return HttpResponse.created(service.decide(scopes.of(request), id, body));
    }

    @Get(produces = {"application/json", Exports.CSV, Exports.XLSX})
    public HttpResponse<?> list(HttpRequest<?> request, @PathVariable String id) {
        List<DecisionRepository.Decision> decisions = service.decisions(scopes.of(request), id);
        return Exports.respond(request, new Decisions(id, decisions), () -> DecisionService.table(decisions),
                "decisions-" + id);
    }
}
