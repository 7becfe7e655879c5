package org.minedecl.shared.pkg;

import java.nio.charset.StandardCharsets;

/** {@code mimetype} is the first entry, stored, with the ASiC-E media type (ETSI EN 319 162-1). */
final class ContainerMimetypeCheck implements PackageCheck {
    @Override
    public String id() {
        return "container.mimetype";
    }

    @Override
    public Failure run(Facts f) {
        ZipEntryFacts m = f.byName.get(PackageLayout.MIMETYPE);
        if (m == null) {
            return fail(FailureCode.MIMETYPE_MISSING, "no mimetype entry");
        }
        if (f.entries.get(0) != m) {
            return fail(FailureCode.MIMETYPE_NOT_FIRST, "mimetype is not the first entry");
        }
        if (m.method() != 0) {
            return fail(FailureCode.MIMETYPE_COMPRESSED, "mimetype is compressed");
        }
        String content = new String(m.content(), StandardCharsets.US_ASCII);
        if (!PackageLayout.MIMETYPE_CONTENT.equals(content)) {
            return fail(FailureCode.MIMETYPE_WRONG, "mimetype is '"
                    + ZipContainer.printable(content) + "', expected " + PackageLayout.MIMETYPE_CONTENT);
        }
        return null;
    }
}
