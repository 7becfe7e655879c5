package org.minedecl.client.app.tokens;

import java.nio.file.Path;
import org.minedecl.client.app.Language;

/**
 * A PKCS#11 library that could not be searched: the token list shows the others and says this.
 *
 * @param detail the technical reason, for the diagnostics (never shown as the message itself)
 */
public record LibraryProblem(Path library, Kind kind, String detail) {
    /** Why the library gave no tokens. */
    public enum Kind {
        /** The file is not there. */
        NOT_FOUND,
        /** The driver did not answer within the time limit (a hanging driver; the search went on without it). */
        TIMED_OUT,
        /** The driver could not be loaded or refused to list its slots. */
        FAILED
    }

    /** One sentence for the user. */
    public String message(Language language) {
        switch (kind) {
            case NOT_FOUND:
                return language.text("token.library.notFound", library);
            case TIMED_OUT:
                return language.text("token.library.timedOut", library.getFileName());
            default:
                return language.text("token.library.failed", library.getFileName());
        }
    }
}
