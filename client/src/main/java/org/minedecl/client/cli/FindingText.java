package org.minedecl.client.cli;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.minedecl.client.app.Language;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.Severity;

/** The text form of findings, one place for validate, sign and verify: grouped by severity, zh or en. */
final class FindingText {
    private FindingText() {
    }

    /**
     * Prints the findings grouped ERROR, FLAG, WARNING; each with rule id, disposition, path, message, citation, the
     * pack that set its severity when it is not the rule's own (a county setting a province rule), and its note.
     */
    static void printGrouped(Consumer<String> out, List<Finding> findings, Language language) {
        for (Severity severity : List.of(Severity.ERROR, Severity.FLAG, Severity.WARNING)) {
            List<Finding> group = findings.stream().filter(f -> f.severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.accept("");
            out.accept(heading(severity, language) + " (" + group.size() + ")");
            for (Finding f : group) {
                out.accept("  " + f.ruleId() + (f.disposition() == null ? "" : " [" + f.disposition() + "]")
                        + "  " + f.path());
                out.accept("    " + language.pick(f.message()));
                out.accept("    " + language.text("finding.citation", f.citation()));
                if (f.severityFrom() != null && !f.severityFrom().equals(f.rulePack())) {
                    out.accept("    " + language.text("finding.severityFrom", f.severityFrom().toString()));
                }
                if (f.note() != null) {
                    out.accept("    " + language.text("finding.note", language.pick(f.note())));
                }
            }
        }
    }

    static String heading(Severity s, Language language) {
        return language.text("finding.heading." + s.name().toLowerCase(Locale.ROOT));
    }
}
