package org.minedecl.shared.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.DeclarationParser;
import org.minedecl.shared.declaration.ParseResult;

/** Parse + evaluate in one call: what {@code minedecl validate}, {@code sign}, the desktop and the server run. */
public final class DeclarationValidator {
    private final RuleEngine engine;

    public DeclarationValidator(RuleEngine engine) {
        this.engine = engine;
    }

    /**
     * Parses {@code json} and, when it is a JSON object, evaluates the rules as of {@code asOf} (the signing
     * date) against the accepted earlier declarations of the same mine ({@link History#NONE} when none are
     * known). The parser's findings come first in document order, then the rule findings by rule id and path.
     * (Named apart from {@link #validate(byte[], LocalDate, Declaration)} so that a literal {@code null} there
     * stays unambiguous.)
     */
    public ValidationResult validateWithHistory(byte[] json, LocalDate asOf, History history) {
        return validateWithHistory(DeclarationParser.parse(json), asOf, history);
    }

    /** The same for a document already parsed (a caller that needed the declaration first parses once). */
    public ValidationResult validateWithHistory(ParseResult parsed, LocalDate asOf, History history) {
        List<Finding> findings = new ArrayList<>(parsed.findings());
        if (parsed.declaration() != null) {
            findings.addAll(engine.evaluate(parsed.declaration(), new EvaluationContext(asOf, history)));
        }
        return new ValidationResult(parsed.declaration(), List.copyOf(findings));
    }

    /** With one earlier declaration, the previous quarter's ({@code previous} may be null). */
    public ValidationResult validate(byte[] json, LocalDate asOf, Declaration previous) {
        return validateWithHistory(json, asOf, History.of(previous));
    }

    /** With one earlier declaration, the previous quarter's ({@code previous} may be null). */
    public ValidationResult validate(ParseResult parsed, LocalDate asOf, Declaration previous) {
        return validateWithHistory(parsed, asOf, History.of(previous));
    }

    /** The declaration (null if unreadable) and every finding, structural ones first. */
    public record ValidationResult(Declaration declaration, List<Finding> findings) {
        public boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }
    }
}
