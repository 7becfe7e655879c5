package org.minedecl.shared.pkg;

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
        SignerIdentity.UsccReading reading = SignerIdentity.readUscc(f.signer);
        String want = f.delegation.enterprise().uscc();
        switch (reading.outcome()) {
            case MISSING:
                return fail(FailureCode.SIGNER_USCC_MISSING, "the certificate carries no unified social credit code");
            case CONFLICT:
                return fail(FailureCode.SIGNER_USCC_CONFLICT, "the certificate carries two codes");
            default:
                break;
        }
        if (!want.equals(reading.code())) {
            return fail(FailureCode.SIGNER_MISMATCH, "the certificate is for "
                    + ZipContainer.printable(reading.first().value()) + ", the delegation is given by " + want);
        }
        return null;
    }

    @Override
    public String passDetail(Facts f) {
        return "signed by the delegating enterprise " + f.delegation.enterprise().uscc();
    }
}
