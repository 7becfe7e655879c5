package org.minedecl.client.cli;

import org.minedecl.shared.rules.Finding;

/** One line per finding for text output. */
final class FindingText {
    private FindingText() {
    }

    static String line(Finding f) {
        return f.severity() + " " + f.ruleId() + " " + f.path() + ": " + f.message().zh() + " / " + f.message().en()
                + (f.citation() == null ? "" : " [" + f.citation() + "]");
    }
}
