package org.minedecl.client.app.support;

import org.minedecl.client.app.Language;
import org.minedecl.shared.rules.LocalizedText;

/**
 * An error as a clerk should see it: one plain sentence saying what happened, what to do next when there is
 * something to do, and the technical detail folded away (for "copy diagnostics" and support, never the message
 * itself: no stack trace, no bare {@code CKR_...} code).
 *
 * @param code      a stable name of the kind of error ({@code PIN_INCORRECT}, {@code CERT_REVOKED}, ...), for tests
 *                  and support
 * @param sentence  what happened
 * @param nextStep  what to do next, or null
 * @param technical the detail: exception classes, messages, PKCS#11 return values, HTTP codes
 */
public record ClientError(String code, LocalizedText sentence, LocalizedText nextStep, String technical) {

    /** The sentence and the next step, in one language, on one line. */
    public String text(Language language) {
        // Chinese sentences end in "。" and need no space before the next
        return language.pick(sentence) + (nextStep == null ? "" : (language == Language.ZH ? "" : " ")
                + language.pick(nextStep));
    }
}
