package org.minedecl.shared.pkg;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.minedecl.shared.declaration.DeclarationParser;
import org.minedecl.shared.declaration.ParseResult;
import org.minedecl.shared.declaration.Uscc;
import org.minedecl.shared.signature.SignerIdentity;

/** Checks that tie the signature to the declaration: its attachments, and the signer's USCC. */
final class BindingChecks {
    private BindingChecks() {
    }

    /** The declaration is readable, and its {@code attachments[].path} are exactly the package's attachments. */
    static final class Attachments implements PackageCheck {
        @Override
        public String id() {
            return "declaration.attachments";
        }

        @Override
        public Failure run(Facts f) {
            ParseResult parsed = DeclarationParser.parse(f.declaration);
            if (parsed.limit() != null) {
                return fail(FailureCode.valueOf(parsed.limit()), "declaration.json: "
                        + parsed.findings().get(0).message().en());
            }
            f.parsedDeclaration = parsed;
            DeclarationFacts d = DeclarationFacts.of(parsed.declaration());
            if (d == null) {
                return fail(FailureCode.DECLARATION_UNREADABLE, "declaration.json is not a JSON object (or repeats a key)");
            }
            f.declarationFacts = d;
            Set<String> declared = new HashSet<>();
            for (String p : d.attachmentPaths()) {
                if (p == null || !declared.add(p)) {
                    return fail(FailureCode.ATTACHMENTS_MISMATCH, "declaration.attachments has a missing or repeated path");
                }
            }
            Set<String> carried = new HashSet<>();
            for (ZipEntryFacts e : f.entries) {
                if (!e.directory() && !e.name().equals(PackageLayout.MIMETYPE)
                        && !e.name().equals(PackageLayout.DECLARATION) && !e.name().startsWith(PackageLayout.META_INF)) {
                    carried.add(e.name());
                }
            }
            for (String p : declared) {
                if (!carried.contains(p)) {
                    return fail(FailureCode.ATTACHMENTS_MISMATCH, "'" + ZipContainer.printable(p)
                            + "' is declared but not in the package");
                }
            }
            for (String p : carried) {
                if (!declared.contains(p)) {
                    return fail(FailureCode.ATTACHMENTS_MISMATCH, "'" + ZipContainer.printable(p)
                            + "' is in the package but not in declaration.attachments");
                }
            }
            return null;
        }
    }

    /**
     * The certificate carries the declaration's {@code enterprise.uscc} (read as {@link SignerIdentity} says), or
     * is a consultant's certificate with a SIGN delegation from that enterprise for the declaration's mining
     * licence, live at the signing time and at receipt ({@code SIGNER_NOT_DELEGATED} otherwise).
     */
    static final class SignerUscc implements PackageCheck {
        @Override
        public String id() {
            return "signer.uscc";
        }

        @Override
        public Failure run(Facts f) {
            List<SignerIdentity.Candidate> found = SignerIdentity.usccCandidates(f.signer);
            if (found.isEmpty()) {
                return fail(FailureCode.SIGNER_USCC_MISSING, "the certificate carries no unified social credit code");
            }
            String code = found.get(0).value();
            for (SignerIdentity.Candidate c : found) {
                if (!c.value().equals(code)) {
                    return fail(FailureCode.SIGNER_USCC_CONFLICT, "the certificate carries two codes: "
                            + found.get(0).source() + " " + ZipContainer.printable(code) + " and " + c.source() + " "
                            + ZipContainer.printable(c.value()));
                }
            }
            if (!Uscc.isValid(code)) {
                return fail(FailureCode.SIGNER_USCC_INVALID, "the certificate's code "
                        + ZipContainer.printable(code) + " (" + found.get(0).source() + ") fails the GB 32100 check");
            }
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
}
