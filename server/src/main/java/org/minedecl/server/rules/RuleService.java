package org.minedecl.server.rules;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.DeclarationParser;
import org.minedecl.shared.rules.DeclarationValidator;
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

    /** Parses and evaluates a declaration as of the signing date, with the previous accepted one (CORE-CONS-01). */
    public DeclarationValidator.ValidationResult validate(byte[] json, LocalDate asOf, Declaration previous) {
        return new DeclarationValidator(engine()).validate(json, asOf, previous);
    }

    /** The declaration in these bytes, or null when they are not one (the findings come from {@link #validate}). */
    public Declaration parse(byte[] json) {
        return DeclarationParser.parse(json).declaration();
    }

    public List<RulePackInfo> packs() {
        return engine().packs();
    }
}
