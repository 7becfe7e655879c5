package org.minedecl.shared.pkg;

import org.minedecl.shared.delegation.DelegationDocument;

/** delegation.json is a valid {@code delegation/1} document, and the package carries nothing else. */
final class DelegationDocumentCheck implements PackageCheck {
    @Override
    public String id() {
        return "delegation.document";
    }

    @Override
    public Failure run(Facts f) {
        for (ZipEntryFacts e : f.entries) {
            if (!e.directory() && !e.name().equals(PackageLayout.MIMETYPE)
                    && !e.name().equals(PackageLayout.DELEGATION) && !e.name().startsWith(PackageLayout.META_INF)) {
                return fail(FailureCode.DELEGATION_EXTRA_FILE, "'"
                        + ZipContainer.printable(e.name()) + "': a delegation package carries nothing else");
            }
        }
        DelegationDocument.Parsed p = DelegationDocument.parse(f.declaration);
        if (p.problem() != null) {
            return fail(FailureCode.DELEGATION_INVALID, "delegation.json: " + p.problem());
        }
        f.delegation = p.delegation();
        return null;
    }
}
