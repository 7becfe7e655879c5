package org.minedecl.server.abnormal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import org.minedecl.server.config.ReadAccess;

/** {@code GET /api/v1/abnormal-list?jurisdiction=}: candidates and confirmed entries of a jurisdiction. */
@Controller("/api/v1/abnormal-list")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AbnormalListController {
    private final AbnormalListService service;
    private final ReadAccess readAccess;

    public AbnormalListController(AbnormalListService service, ReadAccess readAccess) {
        this.service = service;
        this.readAccess = readAccess;
    }

    /** The register for one jurisdiction (and everything below it). */
    public record AbnormalList(String jurisdiction, List<AbnormalListRepository.Entry> entries) {
    }

    @Get("{?jurisdiction}")
    public AbnormalList list(@Nullable @QueryValue String jurisdiction) {
        readAccess.require();
        return new AbnormalList(jurisdiction, service.entries(jurisdiction));
    }
}
