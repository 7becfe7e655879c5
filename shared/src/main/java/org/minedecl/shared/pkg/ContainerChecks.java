package org.minedecl.shared.pkg;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The container checks after the ZIP itself was read: {@code mimetype} and the required entries. */
final class ContainerChecks {
    private ContainerChecks() {
    }

    /** {@code mimetype} is the first entry, stored, with the ASiC-E media type (ETSI EN 319 162-1). */
    static final class Mimetype implements PackageCheck {
        @Override
        public String id() {
            return "container.mimetype";
        }

        @Override
        public Failure run(Facts f) {
            ZipEntryFacts m = f.byName.get(PackageLayout.MIMETYPE);
            if (m == null) {
                return fail("MIMETYPE_MISSING", Category.PACKAGE_INVALID, "no mimetype entry");
            }
            if (f.entries.get(0) != m) {
                return fail("MIMETYPE_NOT_FIRST", Category.PACKAGE_INVALID, "mimetype is not the first entry");
            }
            if (m.method() != 0) {
                return fail("MIMETYPE_COMPRESSED", Category.PACKAGE_INVALID, "mimetype is compressed");
            }
            String content = new String(m.content(), StandardCharsets.US_ASCII);
            if (!PackageLayout.MIMETYPE_CONTENT.equals(content)) {
                return fail("MIMETYPE_WRONG", Category.PACKAGE_INVALID, "mimetype is '"
                        + ZipContainer.printable(content) + "', expected " + PackageLayout.MIMETYPE_CONTENT);
            }
            return null;
        }
    }

    /** declaration.json, the manifest and the signature are present. */
    static final class Layout implements PackageCheck {
        @Override
        public String id() {
            return "container.layout";
        }

        @Override
        public Failure run(Facts f) {
            for (String name : new String[] {PackageLayout.DECLARATION, PackageLayout.MANIFEST,
                    PackageLayout.SIGNATURE}) {
                ZipEntryFacts e = f.byName.get(name);
                if (e == null || e.directory()) {
                    String code = name.equals(PackageLayout.DECLARATION) ? "DECLARATION_MISSING"
                            : name.equals(PackageLayout.MANIFEST) ? "MANIFEST_MISSING" : "SIGNATURE_MISSING";
                    return fail(code, Category.PACKAGE_INVALID, "no " + name + " in the package");
                }
            }
            f.declaration = f.byName.get(PackageLayout.DECLARATION).content();
            f.manifest = f.byName.get(PackageLayout.MANIFEST).content();
            f.signatureFile = f.byName.get(PackageLayout.SIGNATURE).content();
            return null;
        }
    }

    static Map<String, ZipEntryFacts> index(java.util.List<ZipEntryFacts> entries) {
        Map<String, ZipEntryFacts> m = new LinkedHashMap<>();
        for (ZipEntryFacts e : entries) {
            m.put(e.name(), e);
        }
        return m;
    }
}
