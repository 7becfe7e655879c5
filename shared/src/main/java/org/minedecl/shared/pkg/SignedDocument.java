package org.minedecl.shared.pkg;

/**
 * What a package carries as its signed document: a declaration ({@code declaration.json}, with attachments) or a
 * delegation ({@code delegation.json}, CONTRACTS section 8, nothing else). The container, manifest, CMS and
 * certificate checks are the same for both; only the document's own checks differ.
 */
public enum SignedDocument {
    DECLARATION(PackageLayout.DECLARATION, FailureCode.DECLARATION_MISSING, FailureCode.DECLARATION_NOT_SIGNED),
    DELEGATION(PackageLayout.DELEGATION, FailureCode.DELEGATION_MISSING, FailureCode.DELEGATION_NOT_SIGNED);

    private final String entry;
    private final FailureCode missing;
    private final FailureCode notSigned;

    SignedDocument(String entry, FailureCode missing, FailureCode notSigned) {
        this.entry = entry;
        this.missing = missing;
        this.notSigned = notSigned;
    }

    /** The failure code when the package does not carry the document. */
    FailureCode missing() {
        return missing;
    }

    /** The failure code when the manifest does not reference the document. */
    FailureCode notSigned() {
        return notSigned;
    }

    /** Its entry name in the package. */
    public String entry() {
        return entry;
    }
}
