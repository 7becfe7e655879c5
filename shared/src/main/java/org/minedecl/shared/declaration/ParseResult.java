package org.minedecl.shared.declaration;

import java.util.List;
import org.minedecl.shared.rules.Finding;

/**
 * What {@link DeclarationParser} made of a document: the declaration (null when the bytes are not a JSON
 * object at all) and the structural findings (CORE-SCHEMA-01, CORE-NUM-01), each with its JSON path.
 *
 * @param limit when the document was refused for a reader limit rather than read, which one (a stable code:
 *              {@code JSON_TOO_LARGE}, {@code JSON_TOO_DEEP}, {@code JSON_STRING_TOO_LONG},
 *              {@code JSON_NUMBER_TOO_LONG}, {@code JSON_NAME_TOO_LONG}, {@code JSON_TOO_MANY_TOKENS},
 *              {@code JSON_DUPLICATE_KEY}); otherwise null
 */
public record ParseResult(Declaration declaration, List<Finding> findings, String limit) {
    public ParseResult {
        findings = List.copyOf(findings);
    }

    public ParseResult(Declaration declaration, List<Finding> findings) {
        this(declaration, findings, null);
    }
}
