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
     * date) against {@code previous} (may be null). The parser's findings come first in document order, then
     * the rule findings by rule id and path.
     */
    public ValidationResult validate(byte[] json, LocalDate asOf, Declaration previous) {
        return validate(DeclarationParser.parse(json), asOf, previous);
    }

    /** The same for a document already parsed (a caller that needed the declaration first parses once). */
    public ValidationResult validate(ParseResult parsed, LocalDate asOf, Declaration previous) {
        List<Finding> findings = new ArrayList<>(parsed.findings());
        if (parsed.declaration() != null) {
            findings.addAll(engine.evaluate(parsed.declaration(), new EvaluationContext(asOf, previous)));
        }
        return new ValidationResult(parsed.declaration(), List.copyOf(findings));
    }

    /** The declaration (null if unreadable) and every finding, structural ones first. */
    public record ValidationResult(Declaration declaration, List<Finding> findings) {
        public boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }
    }
}
