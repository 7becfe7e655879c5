package org.minedecl.client.app.signing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import org.minedecl.client.app.Language;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.pkg.PackageAttachment;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.Severity;

/**
 * What {@link SigningService#prepare} found: the declaration is {@link Ready} to be signed (perhaps with FLAG
 * findings the signer should see first), or {@link Refused} for a reason the user can fix.
 */
public sealed interface Preparation permits Preparation.Ready, Preparation.Refused {

    /** Every finding of the validation (for a refusal by attachments, the findings are still worth showing). */
    List<Finding> findings();

    /**
     * Checked and matched: the only input {@link SigningService#sign} takes, so nothing with ERROR findings or
     * unmatched attachments can be signed.
     *
     * @param json        exactly the bytes that will be signed
     * @param attachments the files, in the order given, each as {@code attachments/<file name>}
     * @param asOf        the business date the rules were evaluated for
     */
    record Ready(byte[] json, Declaration declaration, List<PackageAttachment> attachments, List<Finding> findings,
                 LocalDate asOf) implements Preparation {
        public Ready {
            attachments = List.copyOf(attachments);
            findings = List.copyOf(findings);
        }

        /**
         * The FLAG findings that will be signed: the server accepts the filing, and it goes to the regulator's
         * review queue (a late filing or a fund shortfall is an abnormal-list candidate). Show them before signing.
         */
        public List<Finding> flags() {
            return findings.stream().filter(f -> f.severity() == Severity.FLAG).toList();
        }

        public List<Finding> warnings() {
            return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
        }
    }

    /** Not signable; {@link #message(Language)} says why in one line. */
    sealed interface Refused extends Preparation
            permits HasErrors, AttachmentsMismatch, AttachmentUnusable {
        /** One line for the user. */
        String message(Language language);

        /** A problem of the declaration (its findings or attachment list) rather than of the given files. */
        boolean declarationProblem();
    }

    /** The declaration has ERROR findings (or cannot be read at all: its parser findings are ERRORs). */
    record HasErrors(List<Finding> findings) implements Refused {
        public HasErrors {
            findings = List.copyOf(findings);
        }

        public List<Finding> errors() {
            return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        }

        @Override
        public String message(Language language) {
            return language.text("sign.refused.errors", errors().size());
        }

        @Override
        public boolean declarationProblem() {
            return true;
        }
    }

    /** The files given are not the set {@code declaration.attachments} lists (by package path). */
    record AttachmentsMismatch(SortedSet<String> declaredNotGiven, SortedSet<String> givenNotDeclared,
                               List<Finding> findings) implements Refused {
        @Override
        public String message(Language language) {
            return language.text("sign.refused.attachments")
                    + (declaredNotGiven.isEmpty() ? "" : language.text("sign.refused.attachments.missing",
                    String.join(", ", declaredNotGiven)))
                    + (givenNotDeclared.isEmpty() ? "" : language.text("sign.refused.attachments.extra",
                    String.join(", ", givenNotDeclared)));
        }

        @Override
        public boolean declarationProblem() {
            return true;
        }
    }

    /** A given attachment file cannot be carried: it does not exist, its name is unsafe or is given twice. */
    record AttachmentUnusable(Path file, Problem problem, String detail, List<Finding> findings) implements Refused {
        /** Why the file cannot be carried. */
        public enum Problem { NOT_FOUND, DUPLICATE_NAME, UNSAFE_NAME }

        @Override
        public String message(Language language) {
            switch (problem) {
                case NOT_FOUND:
                    return language.text("sign.refused.attachment.notFound", file);
                case DUPLICATE_NAME:
                    return language.text("sign.refused.attachment.duplicate", detail);
                default:
                    return language.text("sign.refused.attachment.unsafe", detail);
            }
        }

        @Override
        public boolean declarationProblem() {
            return false;
        }
    }
}
