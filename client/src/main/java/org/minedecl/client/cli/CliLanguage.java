package org.minedecl.client.cli;

import java.util.Locale;
import org.minedecl.client.app.Language;

/**
 * The languages of the command line. Results on stdout (findings, summaries) follow {@code --lang}, Chinese by
 * default (CONTRACTS section 4). Error lines on stderr follow {@code --lang} when it is given, otherwise the
 * user's locale (Chinese for a {@code zh} locale, English else), so scripts on an English system keep reading
 * English lines.
 */
final class CliLanguage {
    private CliLanguage() {
    }

    /** The language of results: {@code --lang}, Chinese when not given. */
    static Language results(String lang) {
        return Language.of(lang);
    }

    /** The language of error lines: {@code --lang} when given, otherwise the locale's. */
    static Language errors(String lang) {
        if (lang != null) {
            return Language.of(lang);
        }
        return "zh".equals(Locale.getDefault().getLanguage()) ? Language.ZH : Language.EN;
    }

    /** {@code --lang} must be zh or en (or absent). */
    static boolean valid(String lang) {
        return lang == null || lang.equals("zh") || lang.equals("en");
    }
}
