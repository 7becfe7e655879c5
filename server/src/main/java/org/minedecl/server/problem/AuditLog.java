package org.minedecl.server.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One escaped line per refused or accepted upload, login, token refusal and access refusal on the
 * {@code minedecl.audit} logger, naming the certificate behind it (subject, USCC, serial) rather than the remote
 * address. Refusals are logged, not stored (nothing is stored for a non-2xx answer); acceptances are also audit
 * events in the database, with the same name of the signer as their actor.
 */
public final class AuditLog {
    private static final Logger AUDIT = LoggerFactory.getLogger("minedecl.audit");

    private AuditLog() {
    }

    /**
     * A refused upload. {@code who} names the signer's certificate ({@code subject="..." uscc=... serial=...}) when
     * the package was read far enough to know it, else {@link #unknownSigner}.
     */
    public static void refused(String who, int status, String code, String detail) {
        AUDIT.info("upload refused {} status={} code={} detail=\"{}\"", who, status, escape(code), escape(detail));
    }

    /** An accepted (or replayed) upload; {@code who} names the signer's certificate as for {@link #refused}. */
    public static void accepted(String who, String receiptId, String sha256, String status, boolean replay) {
        AUDIT.info("upload {} {} receipt={} sha256={} status={}", replay ? "replayed" : "accepted", who,
                escape(receiptId), sha256, status);
    }

    /** For an upload whose signer is not known (nothing readable was sent): where it came from. */
    public static String unknownSigner(String remote) {
        return "signer=- remote=" + escape(remote);
    }

    /** A regulator's decision on a submission (also an audit event in the database). */
    public static void decided(String actor, String submissionId, String decision, String ruleId, int entries) {
        AUDIT.info("decision actor=\"{}\" submission={} decision={} ruleId={} entries={}", escape(actor),
                escape(submissionId), escape(decision), escape(ruleId), entries);
    }

    /** A read or action refused by the access rules; {@code who} names the certificate (see CertificateRef). */
    public static void access(String who, String action, String reason, int status) {
        AUDIT.info("access refused {} action=\"{}\" reason=\"{}\" status={}", who, escape(action), escape(reason),
                status);
    }

    /** A login or token event: issued, refused ({@code AUTH_FAILED}, {@code UNAUTHENTICATED}), a registry change. */
    public static void auth(String event, String who, String detail) {
        AUDIT.info("auth {} {} detail=\"{}\"", escape(event), who, escape(detail));
    }

    /** Control characters, quotes and backslashes escaped, at most 300 characters: safe for one log line. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 300; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
