package org.minedecl.server.abnormal;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.List;
import org.minedecl.server.export.Table;
import org.minedecl.server.problem.Problem;
import org.minedecl.server.scope.Scope;

/** The abnormal-list register as a caller may see it: checks the filters, then reads inside the caller's scope. */
@Singleton
public class AbnormalListService {
    private final AbnormalListRepository repository;

    public AbnormalListService(AbnormalListRepository repository) {
        this.repository = repository;
    }

    /** The register for one jurisdiction (and everything below it) or the whole scope; one state or the open ones. */
    public record AbnormalList(String jurisdiction, String state, List<AbnormalListRepository.Entry> entries) {
    }

    public AbnormalList entries(Scope scope, String jurisdiction, String state) {
        if (jurisdiction != null && !jurisdiction.matches("\\d{6}")) {
            throw Problem.of(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", "jurisdiction is a 6-digit code").exception();
        }
        AbnormalListRepository.State s = null;
        if (state != null) {
            if (!List.of("CANDIDATE", "CONFIRMED", "REMOVED").contains(state)) {
                throw Problem.of(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", "state is CANDIDATE, CONFIRMED or REMOVED")
                        .exception();
            }
            s = AbnormalListRepository.State.valueOf(state);
        }
        return new AbnormalList(jurisdiction, state, repository.entries(scope, jurisdiction, s));
    }

    /** The same list for export (CSV, XLSX). */
    public static Table table(AbnormalList list) {
        Table.Builder t = new Table.Builder("abnormal-list", "state", "jurisdiction", "uscc", "enterprise",
                "miningLicence", "mine", "period", "ruleId", "rulePack", "disposition", "submissionId", "createdAt", "decisionId",
                "correctedBy", "removalDecisionId");
        for (AbnormalListRepository.Entry e : list.entries()) {
            t.row(e.state(), e.jurisdiction(), e.uscc(), e.enterpriseName(), e.miningLicence(), e.mineName(),
                    e.period(), e.ruleId(), e.rulePack(), e.disposition(), e.submissionId(), String.valueOf(e.createdAt()),
                    e.decisionId(), e.correctedBy(), e.removalDecisionId());
        }
        return t.build();
    }
}
