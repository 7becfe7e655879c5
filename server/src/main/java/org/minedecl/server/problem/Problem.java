package org.minedecl.server.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpStatus;
import java.util.List;
import org.minedecl.shared.pkg.CheckResult;
import org.minedecl.shared.rules.Finding;

/**
 * An RFC 7807 problem with the contract's {@code code}; {@code findings} for a 422 with ERROR findings,
 * {@code checks} (the failed package checks) for a refused package.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String code, String detail,
                      List<Finding> findings, List<CheckResult> checks) {

    public static Problem of(HttpStatus status, String code, String detail) {
        return new Problem("urn:minedecl:problem:" + code, status.getReason(), status.getCode(), code, detail,
                null, null);
    }

    public Problem withFindings(List<Finding> f) {
        return new Problem(type, title, status, code, detail, f, checks);
    }

    public Problem withChecks(List<CheckResult> c) {
        return new Problem(type, title, status, code, detail, findings, c);
    }

    public ProblemException exception() {
        return new ProblemException(this);
    }
}
