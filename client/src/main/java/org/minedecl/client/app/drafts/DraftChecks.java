package org.minedecl.client.app.drafts;

import java.time.LocalDate;
import java.util.List;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.History;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.validation.ValidationService;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.rules.Severity;

/**
 * A draft checked by the one rule engine, exactly as the server will check the signed declaration: the parser
 * reports what was typed but does not parse at its path, then the rule packs run on what does. The filed quarters
 * of the same mine feed the history rules ({@link History}).
 */
public final class DraftChecks {
    private final ValidationService validation;

    public DraftChecks(RuleEngine engine) {
        // the day is always given, so the service's clock is never read
        this.validation = new ValidationService(engine, BusinessClock.system());
    }

    /** The CLI's {@code validate} and this check are one service: the same findings for the same bytes. */
    public Result check(DraftDocument draft, LocalDate asOf, History history) {
        ValidationService.Result r = validation.validate(DraftStore.bytes(draft), asOf,
                history == null ? List.of() : history.declarations());
        return new Result(r.declaration(), r.findings());
    }

    /** The parsed declaration (null when nothing could be read) and every finding. */
    public record Result(Declaration declaration, List<Finding> findings) {
        public long count(Severity s) {
            return findings.stream().filter(f -> f.severity() == s).count();
        }

        public boolean hasErrors() {
            return count(Severity.ERROR) > 0;
        }

        /** FLAG findings: after filing the quarter is an abnormal-list (异常名录) or disposition candidate. */
        public List<Finding> flags() {
            return findings.stream().filter(f -> f.severity() == Severity.FLAG).toList();
        }
    }
}
