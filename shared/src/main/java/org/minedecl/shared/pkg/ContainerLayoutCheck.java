package org.minedecl.shared.pkg;

import java.util.ArrayList;
import java.util.List;

/**
 * The signed document (declaration.json, or delegation.json in a delegation package), exactly one manifest
 * ({@code META-INF/ASiCManifest*.xml}) and exactly one signature ({@code META-INF/*signature*.p7s}) are
 * present, under the names ETSI EN 319 162-1 allows.
 */
final class ContainerLayoutCheck implements PackageCheck {
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
