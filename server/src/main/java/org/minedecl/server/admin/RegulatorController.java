package org.minedecl.server.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.util.List;
import org.minedecl.server.auth.Authenticator;

/** {@code /api/v1/admin/regulators}: the regulator registry (administrator token). */
@Controller("/api/v1/admin/regulators")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RegulatorController {
    private final RegulatorService service;
    private final Authenticator authenticator;

    public RegulatorController(RegulatorService service, Authenticator authenticator) {
        this.service = service;
        this.authenticator = authenticator;
    }

    /** A registration: the regulator's certificate (PEM), its name and GB/T 2260 codes. */
    public record Registration(@Nullable String certificate, @Nullable String name, @Nullable List<String> jurisdictions) {
    }

    /** The new registration's id. */
    public record Created(String id) {
    }

    /** One registered regulator. */
    public record RegulatorView(String id, String name, String subject, String serial, String fingerprint,
                                List<String> jurisdictions, Instant createdAt) {
    }

    /** The registry. */
    public record Registry(List<RegulatorView> regulators) {
    }

    @Post
    public HttpResponse<Created> register(HttpRequest<?> request, @Body Registration body) {
        String id = service.register(authenticator.principal(request), body.certificate(), body.name(),
                body.jurisdictions());
        return HttpResponse.created(new Created(id));
    }

    @Get
    public Registry list(HttpRequest<?> request) {
        return new Registry(service.list(authenticator.principal(request)).stream().map(r -> new RegulatorView(r.id(),
                r.name(), r.subject(), r.serial(), r.fingerprint(), r.jurisdictions(), r.createdAt())).toList());
    }

    @Delete("/{id}")
    public HttpResponse<Void> remove(HttpRequest<?> request, @PathVariable String id) {
        service.remove(authenticator.principal(request), id);
        return HttpResponse.noContent();
    }
}
