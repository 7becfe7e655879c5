package org.minedecl.shared.pkg;

import java.util.List;
import org.minedecl.shared.declaration.Uscc;
import org.minedecl.shared.signature.SignerIdentity;

/**
 * {@code signer.uscc} of a delegation package: the signer is the enterprise that delegates, its certificate carries
 * the enterprise's USCC (a declaration package's is {@link SignerUsccCheck}).
 */
final class SignerUsccDelegationCheck implements PackageCheck {
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
