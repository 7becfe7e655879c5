package org.minedecl.server.delegation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.minedecl.server.auth.Authenticator;

/** {@code /api/v1/delegations}: register a signed delegation package, list, revoke (CONTRACTS section 8). */
@Controller("/api/v1/delegations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DelegationController {
    private final DelegationService service;
    private final Authenticator authenticator;

    public DelegationController(DelegationService service, Authenticator authenticator) {
        this.service = service;
        this.authenticator = authenticator;
    }

    /** One delegation as the API shows it. */
    public record DelegationView(String delegationId, Party enterprise, Party consultant, List<String> scope,
                                 List<String> miningLicences, LocalDate validFrom, LocalDate validTo,
                                 Instant createdAt, Instant revokedAt) {
        static DelegationView of(DelegationRepository.Row r) {
            return new DelegationView(r.id(), new Party(r.enterpriseUscc(), r.enterpriseName()),
                    new Party(r.consultantUscc(), r.consultantName()), r.scope(), r.miningLicences(), r.validFrom(),
                    r.validTo(), r.createdAt(), r.revokedAt());
        }
    }

    /** An enterprise or consultant. */
    public record Party(String uscc, String name) {
    }

    /** The delegations the caller gave or received. */
    public record Delegations(List<DelegationView> delegations) {
    }

    /** Body: the {@code delegation/1} package signed by the enterprise; no token needed (the signature names it). */
    @Post(consumes = {"application/vnd.etsi.asic-e+zip", MediaType.APPLICATION_OCTET_STREAM, MediaType.ALL})
    public HttpResponse<DelegationView> register(@Body InputStream body) {
        DelegationService.Registered r = service.register(body);
        DelegationView view = DelegationView.of(r.row());
        return r.created() ? HttpResponse.created(view) : HttpResponse.ok(view);
    }

    @Get
    public Delegations list(HttpRequest<?> request) {
        return new Delegations(service.list(authenticator.principal(request)).stream().map(DelegationView::of)
                .toList());
    }

    @Post("/{id}/revocation")
    public DelegationView revoke(HttpRequest<?> request, @PathVariable String id) {
        return DelegationView.of(service.revoke(authenticator.principal(request), id));
    }
}
