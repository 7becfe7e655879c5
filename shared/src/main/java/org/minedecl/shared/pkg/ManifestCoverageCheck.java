package org.minedecl.shared.pkg;

/** Nothing outside mimetype and META-INF/ is missing from the manifest; declaration.json is signed. */
final class ManifestCoverageCheck implements PackageCheck {
    @Override
    public String id() {
        return "manifest.coverage";
    }

    @Override
    public Failure run(Facts f) {
        if (!f.references.containsKey(f.document.entry())) {
            return fail(f.document.notSigned(), f.document.entry() + " is not referenced by the manifest");
        }
        for (ZipEntryFacts e : f.entries) {
            if (e.directory() || e.name().equals(PackageLayout.MIMETYPE)
                    || e.name().startsWith(PackageLayout.META_INF)) {
                continue;
            }
            if (!f.references.containsKey(e.name())) {
                return fail(FailureCode.UNLISTED_FILE, "'" + ZipContainer.printable(e.name())
                        + "' is in the package but not in the manifest");
            }
        }
        return null;
    }
}
