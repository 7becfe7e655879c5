package org.minedecl.shared.declaration;

import java.util.List;
import org.minedecl.shared.rules.Finding;

/**
 * What {@link DeclarationParser} made of a document: the declaration (null when the bytes are not a JSON
 * object at all) and the structural findings (CORE-SCHEMA-01, CORE-NUM-01), each with its JSON path.
 */
public record ParseResult(Declaration declaration, List<Finding> findings) {
    public ParseResult {
        findings = List.copyOf(findings);
    }
}
