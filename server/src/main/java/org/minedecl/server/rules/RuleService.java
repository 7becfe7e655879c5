package org.minedecl.server.rules;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.DeclarationParser;
import org.minedecl.shared.declaration.ParseResult;
import org.minedecl.shared.rules.DeclarationValidator;
import org.minedecl.shared.rules.History;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.rules.RulePackInfo;

/** The shared rule engine over the bundled packs: the server's verdict is the one that counts. */
@Singleton
public class RuleService {
    private volatile RuleEngine engine;

    private RuleEngine engine() {
        RuleEngine e = engine;
        if (e == null) {
            synchronized (this) {
                if (engine == null) {
                    engine = RuleEngine.standard();
                }
                e = engine;
            }
        }
        return e;
    }

    /**
     * Evaluates a parsed declaration as of the signing date, against the accepted earlier declarations of the
     * same mining licence (the history rules); the parser's findings come first.
     */
    public DeclarationValidator.ValidationResult validate(ParseResult parsed, LocalDate asOf, History history) {
        return new DeclarationValidator(engine()).validateWithHistory(parsed, asOf, history);
    }

    /** The same with one earlier declaration (the previous quarter's; may be null). */
    public DeclarationValidator.ValidationResult validate(ParseResult parsed, LocalDate asOf, Declaration previous) {
        return validate(parsed, asOf, History.of(previous));
    }

    /** Strict parse: the declaration (null when the bytes are not one) and the parser's findings. */
    public ParseResult parse(byte[] json) {
        return DeclarationParser.parse(json);
    }

    public List<RulePackInfo> packs() {
        return engine().packs();
    }
}
