package org.minedecl.shared.pkg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The signed document (declaration.json, or delegation.json in a delegation package), exactly one manifest
     * ({@code META-INF/ASiCManifest*.xml}) and exactly one signature ({@code META-INF/*signature*.p7s}) are
     * present, under the names ETSI EN 319 162-1 allows.
     */
    static final class Layout implements PackageCheck {
        @Override
        public String id() {
            return "container.layout";
        }

        @Override
        public Failure run(Facts f) {
            ZipEntryFacts declaration = f.byName.get(f.document.entry());
            if (declaration == null || declaration.directory()) {
                return fail(f.document.missing(), "no " + f.document.entry()
                        + " in the package");
            }
            List<ZipEntryFacts> manifests = new ArrayList<>();
            List<ZipEntryFacts> signatures = new ArrayList<>();
            for (ZipEntryFacts e : f.entries) {
                if (!e.directory() && PackageLayout.isManifestName(e.name())) {
                    manifests.add(e);
                } else if (!e.directory() && PackageLayout.isSignatureName(e.name())) {
                    signatures.add(e);
                }
            }
            if (manifests.isEmpty()) {
                return fail(FailureCode.MANIFEST_MISSING, "no META-INF/ASiCManifest*.xml in the package");
            }
            if (manifests.size() > 1) {
                return fail(FailureCode.MANIFEST_MULTIPLE, manifests.size()
                        + " manifests (exactly one required): " + names(manifests));
            }
            if (signatures.isEmpty()) {
                return fail(FailureCode.SIGNATURE_MISSING, "no META-INF/*signature*.p7s in the package");
            }
            if (signatures.size() > 1) {
                return fail(FailureCode.SIGNATURE_MULTIPLE, signatures.size()
                        + " signatures (exactly one required): " + names(signatures));
            }
            f.declaration = declaration.content();
            f.manifestName = manifests.get(0).name();
            f.manifest = manifests.get(0).content();
            f.signatureName = signatures.get(0).name();
            f.signatureFile = signatures.get(0).content();
            return null;
        }

        @Override
        public String passDetail(Facts f) {
            return f.manifestName + " and " + f.signatureName;
        }

        private static String names(List<ZipEntryFacts> entries) {
            return String.join(", ", entries.stream().map(e -> ZipContainer.printable(e.name())).toList());
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
