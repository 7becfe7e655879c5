package org.minedecl.shared.pkg;

import org.minedecl.shared.declaration.Uscc;
import org.minedecl.shared.signature.SignerIdentity;

/**
 * The certificate carries the declaration's {@code enterprise.uscc} (read as {@link SignerIdentity} says), or
 * is a consultant's certificate with a SIGN delegation from that enterprise for the declaration's mining
 * licence, live at the signing time and at receipt ({@code SIGNER_NOT_DELEGATED} otherwise).
 */
final class SignerUsccCheck implements PackageCheck {
    @Override
    public String id() {
        return "signer.uscc";
    }

    @Override
    public Failure run(Facts f) {
        SignerIdentity.UsccReading reading = SignerIdentity.readUscc(f.signer);
        switch (reading.outcome()) {
            case MISSING:
                return fail(FailureCode.SIGNER_USCC_MISSING, "the certificate carries no unified social credit code");
            case CONFLICT:
                return fail(FailureCode.SIGNER_USCC_CONFLICT, "the certificate carries two codes: "
                        + reading.first().source() + " " + ZipContainer.printable(reading.first().value()) + " and "
                        + reading.conflicting().source() + " " + ZipContainer.printable(reading.conflicting().value()));
            case INVALID:
                return fail(FailureCode.SIGNER_USCC_INVALID, "the certificate's code "
                        + ZipContainer.printable(reading.first().value()) + " (" + reading.first().source()
                        + ") fails the GB 32100 check");
            default:
                break;
        }
        String code = reading.code();
        String declared = f.declarationFacts.uscc();
        if (declared == null || !Uscc.isValid(declared)) {
            return fail(FailureCode.DECLARATION_USCC_INVALID, "the declaration's enterprise.uscc is missing or invalid");
        }
        if (declared.equals(code)) {
            return null;
        }
        String licence = f.declarationFacts.miningLicence();
        boolean atSigning = f.delegations.maySign(declared, code, licence, f.signingTime);
        boolean atReceipt = f.delegations.maySign(declared, code, licence, f.policy.validationTime());
        if (atSigning && atReceipt) {
            return null;
        }
        if (atSigning || atReceipt || code.equals(f.declarationFacts.preparerUscc())
                || f.delegations.known(declared, code)) {
            return fail(FailureCode.CONSULTANT_NOT_DELEGATED, "signed by the consultant "
                    + code + ", but no SIGN delegation from " + declared + " for mining licence " + licence
                    + " is live " + (atSigning ? "at receipt" : atReceipt ? "at the signing time"
                    : "at the signing time and at receipt"));
        }
        return fail(FailureCode.SIGNER_MISMATCH, "the certificate is for " + code
                + ", the declaration for " + declared);
    }

    @Override
    public String passDetail(Facts f) {
        String code = SignerIdentity.usccCandidates(f.signer).get(0).value();
        return code.equals(f.declarationFacts.uscc()) ? "certificate carries " + code
                : "consultant " + code + " signs under a registered delegation from " + f.declarationFacts.uscc();
    }
}
