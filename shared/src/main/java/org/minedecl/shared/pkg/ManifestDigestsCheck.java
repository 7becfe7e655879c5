package org.minedecl.shared.pkg;

import java.security.MessageDigest;
import java.util.Map;

/** Every referenced file exists and its SHA-256 matches. */
final class ManifestDigestsCheck implements PackageCheck {
    @Override
    public String id() {
        return "manifest.digests";
    }

    @Override
    public Failure run(Facts f) {
        for (Map.Entry<String, byte[]> r : f.references.entrySet()) {
            ZipEntryFacts e = f.byName.get(r.getKey());
            if (e == null || e.directory()) {
                return fail(FailureCode.MANIFEST_REFERENCE_MISSING, "'" + r.getKey()
                        + "' is in the manifest but not in the package");
            }
            if (!MessageDigest.isEqual(e.sha256(), r.getValue())) {
                return fail(FailureCode.DIGEST_MISMATCH, "'" + r.getKey()
                        + "' does not match its manifest digest");
            }
        }
        return null;
    }

    @Override
    public String passDetail(Facts f) {
        return f.references.size() + " files match their SHA-256 digests";
    }
}
