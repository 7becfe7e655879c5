package org.minedecl.server.review;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.minedecl.server.export.Table;
import org.minedecl.server.problem.AuditLog;
import org.minedecl.server.problem.Problem;
import org.minedecl.server.problem.ProblemException;
import org.minedecl.server.scope.Scope;
import org.minedecl.server.util.TimeOrderedIds;

/**
 * A regulator's decision on a submission (CONTRACTS section 9). Only a regulator decides (403 {@code FORBIDDEN}
 * otherwise); a submission outside the caller's scope does not exist for it (404). The decisions on a submission
 * are read by whoever reads the submission: its operator, the operator's consultant, its regulators.
 */
@Singleton
public class DecisionService {
    /** The decisions a regulator can make. */
    public static final List<String> DECISIONS = List.of("ACCEPT", "RETURN", "CONFIRM_ABNORMAL", "DISMISS");
    private static final Pattern RULE = Pattern.compile("[A-Z0-9-]{1,40}");
    private static final int MAX_REASON = 2000;
    private final DecisionRepository repository;
    private final Clock clock;

    public DecisionService(DecisionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The body of {@code POST .../decisions}. */
    public record DecisionRequest(String decision, String ruleId, String reason) {
    }

    public DecisionRepository.Decision decide(Scope scope, String submissionId, DecisionRequest request) {
        if (!scope.mayDecide()) {
            throw Problem.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "only a regulator decides on submissions").exception();
        }
        if (request == null || request.decision() == null || !DECISIONS.contains(request.decision())) {
            throw Problem.of(HttpStatus.BAD_REQUEST, "DECISION_INVALID",
                    "decision is one of " + String.join(", ", DECISIONS)).exception();
        }
        if (request.ruleId() != null && !RULE.matcher(request.ruleId()).matches()) {
            throw Problem.of(HttpStatus.BAD_REQUEST, "DECISION_INVALID", "ruleId is a rule id such as CORE-FUND-02")
                    .exception();
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > MAX_REASON) {
            throw Problem.of(HttpStatus.BAD_REQUEST, "REASON_REQUIRED",
                    "a decision needs a reason of 1 to " + MAX_REASON + " characters").exception();
        }
        DecisionRepository.Target t = target(scope, submissionId);
        boolean movesCandidates = "CONFIRM_ABNORMAL".equals(request.decision()) || "DISMISS".equals(request.decision());
        if (movesCandidates && t.supersededBy() != null) {
            throw Problem.of(HttpStatus.CONFLICT, "SUBMISSION_SUPERSEDED", "submission " + t.id()
                    + " was corrected by " + t.supersededBy() + "; decide on the correction").exception();
        }
        java.time.Instant now = clock.instant();
        DecisionRepository.Decision d = new DecisionRepository.Decision(TimeOrderedIds.next(now.toEpochMilli()),
                t.id(), request.decision(), request.ruleId(), request.reason().strip(), now, scope.actor(), 0);
        DecisionRepository.Outcome outcome = repository.record(t, d);
        if (outcome.nothingToMove()) {
            throw Problem.of(HttpStatus.CONFLICT, "NO_CANDIDATE", "submission " + t.id() + " has no abnormal-list "
                    + "candidate" + (request.ruleId() == null ? "" : " of rule " + request.ruleId()) + " to "
                    + ("DISMISS".equals(request.decision()) ? "dismiss" : "confirm")).exception();
        }
        AuditLog.decided(scope.actor(), t.id(), d.decision(), d.ruleId(), outcome.decision().entries());
        return outcome.decision();
    }

    public List<DecisionRepository.Decision> decisions(Scope scope, String submissionId) {
        return repository.decisions(target(scope, submissionId).id());
    }

    private DecisionRepository.Target target(Scope scope, String submissionId) {
        return repository.target(submissionId)
                .filter(t -> scope.covers(t.jurisdiction(), t.uscc(), t.miningLicence()))
                .orElseThrow(() -> notFound(submissionId));
    }

    private static ProblemException notFound(String id) {
        return Problem.of(HttpStatus.NOT_FOUND, "SUBMISSION_NOT_FOUND", "no submission " + AuditLog.escape(id))
                .exception();
    }

    /** Decisions for export (CSV, XLSX). */
    public static Table table(List<DecisionRepository.Decision> decisions) {
        Table.Builder t = new Table.Builder("decisions", "id", "submissionId", "decision", "ruleId", "reason",
                "decidedAt", "decidedBy", "entries");
        for (DecisionRepository.Decision d : decisions) {
            t.row(d.id(), d.submissionId(), d.decision(), d.ruleId(), d.reason(), String.valueOf(d.decidedAt()),
                    d.decidedBy(), d.entries());
        }
        return t.build();
    }
}
