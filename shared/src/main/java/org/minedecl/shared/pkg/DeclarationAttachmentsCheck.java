package org.minedecl.shared.pkg;

import java.util.HashSet;
import java.util.Set;
import org.minedecl.shared.declaration.DeclarationParser;
import org.minedecl.shared.declaration.ParseResult;

/** The declaration is readable, and its {@code attachments[].path} are exactly the package's attachments. */
final class DeclarationAttachmentsCheck implements PackageCheck {
    @Override
    public String id() {
        return "declaration.attachments";
    }

    @Override
    public Failure run(Facts f) {
        ParseResult parsed = DeclarationParser.parse(f.declaration);
        if (parsed.limit() != null) {
            return fail(FailureCode.valueOf(parsed.limit()), "declaration.json: "
                    + parsed.findings().get(0).message().en());
        }
        f.parsedDeclaration = parsed;
        DeclarationFacts d = DeclarationFacts.of(parsed.declaration());
        if (d == null) {
            return fail(FailureCode.DECLARATION_UNREADABLE, "declaration.json is not a JSON object (or repeats a key)");
        }
        f.declarationFacts = d;
        Set<String> declared = new HashSet<>();
        for (String p : d.attachmentPaths()) {
            if (p == null || !declared.add(p)) {
                return fail(FailureCode.ATTACHMENTS_MISMATCH, "declaration.attachments has a missing or repeated path");
            }
        }
        Set<String> carried = new HashSet<>();
        for (ZipEntryFacts e : f.entries) {
            if (!e.directory() && !e.name().equals(PackageLayout.MIMETYPE)
                    && !e.name().equals(PackageLayout.DECLARATION) && !e.name().startsWith(PackageLayout.META_INF)) {
                carried.add(e.name());
            }
        }
        for (String p : declared) {
            if (!carried.contains(p)) {
                return fail(FailureCode.ATTACHMENTS_MISMATCH, "'" + ZipContainer.printable(p)
                        + "' is declared but not in the package");
            }
        }
        for (String p : carried) {
            if (!declared.contains(p)) {
                return fail(FailureCode.ATTACHMENTS_MISMATCH, "'" + ZipContainer.printable(p)
                        + "' is in the package but not in declaration.attachments");
            }
        }
        return null;
    }
}
