package org.minedecl.shared.rules;

import java.time.LocalDate;
import java.util.List;
import org.minedecl.shared.declaration.Declaration;

/** Parse + evaluate in one call: what {@code minedecl validate}, {@code sign}, the desktop and the server run. */
public final class DeclarationValidator {
    private final RuleEngine engine;

    public DeclarationValidator(RuleEngine engine) {
        this.engine = engine;
    }

    public ValidationResult validate(byte[] json, LocalDate asOf, Declaration previous) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The declaration (null if unreadable) and every finding, structural ones first. */
    public record ValidationResult(Declaration declaration, List<Finding> findings) {
        public boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }
    }
}
