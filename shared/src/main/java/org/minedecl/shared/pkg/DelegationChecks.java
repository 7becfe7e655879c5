package org.minedecl.shared.pkg;

import java.util.List;
import org.minedecl.shared.declaration.Uscc;
import org.minedecl.shared.delegation.DelegationDocument;
import org.minedecl.shared.signature.SignerIdentity;

/** The checks of a delegation package's own document (CONTRACTS section 8), after the common ones. */
final class DelegationChecks {
    private DelegationChecks() {
    }

    /** delegation.json is a valid {@code delegation/1} document, and the package carries nothing else. */
    static final class Document implements PackageCheck {
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

    /** The signer is the enterprise that delegates: its certificate carries the enterprise's USCC. */
    static final class SignerIsEnterprise implements PackageCheck {
        @Override
        public String id() {
            return "signer.uscc";
        }

        @Override
        public Failure run(Facts f) {
            List<SignerIdentity.Candidate> found = SignerIdentity.usccCandidates(f.signer);
            String want = f.delegation.enterprise().uscc();
            if (found.isEmpty()) {
                return fail(FailureCode.SIGNER_USCC_MISSING, "the certificate carries no unified social credit code");
            }
            for (SignerIdentity.Candidate c : found) {
                if (!c.value().equals(found.get(0).value())) {
                    return fail(FailureCode.SIGNER_USCC_CONFLICT, "the certificate carries two codes");
                }
            }
            String code = found.get(0).value();
            if (!Uscc.isValid(code) || !code.equals(want)) {
                return fail(FailureCode.SIGNER_MISMATCH, "the certificate is for "
                        + ZipContainer.printable(code) + ", the delegation is given by " + want);
            }
            return null;
        }

        @Override
        public String passDetail(Facts f) {
            return "signed by the delegating enterprise " + f.delegation.enterprise().uscc();
        }
    }
}
