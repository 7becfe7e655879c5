package org.minedecl.client.app.submission;

import java.util.List;
import java.util.Set;
import org.minedecl.client.app.Language;
import org.minedecl.shared.receipt.Receipt;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.RulePackInfo;

/**
 * How an upload ended: {@link Accepted} with the server's signed receipt, {@link Refused} with the server's reason
 * and findings (sending it again will not help), {@link Unavailable} (the server or the way to it is down: the
 * package may wait in the {@link Outbox}), or {@link Cancelled} by the user. Exit codes are the CLI's business.
 */
public sealed interface SubmissionResult permits SubmissionResult.Accepted, SubmissionResult.Refused,
        SubmissionResult.Unavailable, SubmissionResult.Cancelled {

    /** One line for the user. */
    String message(Language language);

    /**
     * The server accepted the package (201), or had already accepted the identical one (200, {@code alreadyFiled})
     * and answered with that first receipt.
     *
     * @param signedReceipt the receipt as the server signed it (DER CMS), to keep and verify
     */
    record Accepted(Receipt receipt, byte[] signedReceipt, boolean alreadyFiled) implements SubmissionResult {
        /** The server evaluated with other rule pack versions than this client: its findings are the ones that count. */
        public boolean rulePacksDiffer() {
            return receipt.declaredRulePacks() != null;
        }

        @Override
        public String message(Language language) {
            return language.text(alreadyFiled ? "submit.alreadyFiled" : "submit.accepted", receipt.receiptId(),
                    receipt.status());
        }

        /** The note shown when {@link #rulePacksDiffer()}. */
        public String rulePackNote(Language language) {
            return language.text("submit.rulePacksDiffer", packs(receipt.rulePacks()),
                    packs(receipt.declaredRulePacks()));
        }

        private static String packs(List<RulePackInfo> list) {
            return list == null ? "" : String.join(", ", list.stream().map(p -> p.id() + "@" + p.version()).toList());
        }
    }

    /**
     * The server refused the upload; sending the same package again gets the same answer.
     *
     * @param status   the HTTP status
     * @param code     the problem's {@code code} ({@code HTTP_<status>} when the answer had none)
     * @param detail   the problem's {@code detail}
     * @param findings the declaration's findings the server sent (DECLARATION_INVALID), else empty
     */
    record Refused(int status, String code, String detail, List<Finding> findings) implements SubmissionResult {
        private static final Set<String> PACKAGE_CODES = Set.of("PACKAGE_INVALID", "SIGNATURE_INVALID",
                "CERT_UNTRUSTED", "CERT_REVOKED", "CERT_EXPIRED", "SIGNER_MISMATCH", "SIGNER_NOT_DELEGATED",
                "ALG_NOT_ALLOWED", "PAYLOAD_TOO_LARGE");

        public Refused {
            findings = List.copyOf(findings);
        }

        /** What was refused. */
        public enum Kind {
            /** The declaration: findings with ERRORs, the quarter already filed, an amendment that does not fit. */
            DECLARATION,
            /** The package or its signature: structure, certificate, signer, algorithm, size. */
            PACKAGE,
            /** Anything else the server said no to. */
            OTHER
        }

        public Kind kind() {
            if (PACKAGE_CODES.contains(code) || status == 413) {
                return Kind.PACKAGE;
            }
            if ("DECLARATION_INVALID".equals(code) || status == 409 || code.startsWith("AMENDS_")) {
                return Kind.DECLARATION;
            }
            return Kind.OTHER;
        }

        @Override
        public String message(Language language) {
            return language.text("submit.refused", status, code, detail);
        }
    }

    /**
     * The server answered 502, 503 or 504, or could not be reached, on every try.
     *
     * @param status 0 when the server could not be reached at all
     * @param code   the problem's code, or null
     * @param detail the server's detail or the network's reason, one line
     * @param tries  how many uploads were tried
     */
    record Unavailable(String server, int status, String code, String detail, int tries) implements SubmissionResult {
        @Override
        public String message(Language language) {
            return status == 0 ? language.text("submit.unreachable", server, detail)
                    : language.text("submit.unavailable", status, code == null ? "HTTP_" + status : code, detail);
        }
    }

    /** The user cancelled; the server may or may not have the package (sending it again is safe). */
    record Cancelled() implements SubmissionResult {
        @Override
        public String message(Language language) {
            return language.text("submit.cancelled");
        }
    }
}
