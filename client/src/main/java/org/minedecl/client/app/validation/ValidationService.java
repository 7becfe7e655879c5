package org.minedecl.client.app.validation;

import java.time.LocalDate;
import java.util.List;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.DeclarationParser;
import org.minedecl.shared.declaration.ParseResult;
import org.minedecl.shared.rules.DeclarationValidator;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.History;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.rules.RulePackInfo;
import org.minedecl.shared.rules.Severity;

/**
 * Checking a declaration with the shared rule engine as of a business date: "today" is the date in Asia/Shanghai
 * unless the user fixes it ({@code --as-of}), so the client counts days late as the server does.
 */
public final class ValidationService {
    private final RuleEngine engine;
    private final BusinessClock clock;

    public ValidationService(RuleEngine engine, BusinessClock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    public static ValidationService standard(BusinessClock clock) {
        return new ValidationService(RuleEngine.standard(), clock);
    }

    /**
     * What a check found.
     *
     * @param day         the business date the rules ran for
     * @param declaration the parsed declaration, or null when the document could not be read as one
     * @param packs       the rule packs that apply to its jurisdiction (empty without a declaration)
     */
    public record Result(LocalDate day, Declaration declaration, List<Finding> findings, List<RulePackInfo> packs) {
        public boolean hasErrors() {
            return count(Severity.ERROR) > 0;
        }

        public long count(Severity severity) {
            return findings.stream().filter(f -> f.severity() == severity).count();
        }

        /** Only the regional packs' absence: CORE alone applies. */
        public boolean coreOnly() {
            return declaration != null && packs.size() == 1;
        }
    }

    /** The previous accepted declaration of the same mine could not be read; the message is the parser's. */
    public static final class UnreadablePrevious extends Exception {
        public UnreadablePrevious(String message) {
            super(message);
        }
    }

    /** Reads an accepted earlier declaration of the mine (for the history rules). */
    public static Declaration previous(byte[] json) throws UnreadablePrevious {
        ParseResult p = DeclarationParser.parse(json);
        if (p.declaration() == null) {
            throw new UnreadablePrevious(p.findings().get(0).message().en());
        }
        return p.declaration();
    }

    /**
     * Checks a declaration.
     *
     * @param asOf     the signing day, or null for today in Asia/Shanghai
     * @param earlier  accepted earlier declarations of the same mine (the history rules), may be empty
     */
    public Result validate(byte[] json, LocalDate asOf, List<Declaration> earlier) {
        LocalDate day = clock.today(asOf);
        DeclarationValidator.ValidationResult r = new DeclarationValidator(engine).validateWithHistory(json, day,
                History.of(earlier));
        List<RulePackInfo> packs = r.declaration() == null ? List.of()
                : engine.applicablePacks(r.declaration().jurisdiction());
        return new Result(day, r.declaration(), r.findings(), packs);
    }
}
