package org.minedecl.client.cli;

import java.util.List;
import java.util.function.Consumer;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.Severity;

/** The text form of findings, one place for validate, sign and verify: grouped by severity, zh or en. */
final class FindingText {
    private FindingText() {
    }

    /** Prints the findings grouped ERROR, FLAG, WARNING; each with rule id, disposition, path, message, citation. */
    static void printGrouped(Consumer<String> out, List<Finding> findings, String lang) {
        boolean zh = !"en".equals(lang);
        for (Severity severity : List.of(Severity.ERROR, Severity.FLAG, Severity.WARNING)) {
            List<Finding> group = findings.stream().filter(f -> f.severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.accept("");
            out.accept(heading(severity, zh) + " (" + group.size() + ")");
            for (Finding f : group) {
                out.accept("  " + f.ruleId() + (f.disposition() == null ? "" : " [" + f.disposition() + "]")
                        + "  " + f.path());
                out.accept("    " + f.message().in(lang));
                out.accept("    " + (zh ? "依据：" : "Citation: ") + f.citation());
            }
        }
    }

    static String heading(Severity s, boolean zh) {
        switch (s) {
            case ERROR:
                return zh ? "错误 ERROR（必须改正）" : "ERROR (must be fixed)";
            case FLAG:
                return zh ? "标记 FLAG（可受理，进入监管复核队列）" : "FLAG (accepted, goes to the regulator's review queue)";
            default:
                return zh ? "提示 WARNING" : "WARNING";
        }
    }
}
