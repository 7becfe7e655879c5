package org.minedecl.shared.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Renders the rule catalogue ({@code docs/rules.md}) from the packs, in Chinese and English: every pack with
 * its version, jurisdiction, parent and parameters, every rule with severity, disposition, what it checks,
 * citation, parameters, effective window and messages, the levels lower packs set, retired ids, and a section per
 * catalogue version listing each change with its clause. {@code RulesDocumentTest} fails when the committed
 * file differs from this output.
 */
public final class RulesDocument {
    public static final String REGENERATE = "./mvnw -B -q -pl shared test -Dtest=RulesDocumentTest -Dminedecl.regenerateDocs=true";

    private RulesDocument() {
    }

    public static String markdown(RuleCatalog catalog) {
        StringBuilder md = new StringBuilder();
        md.append("# 规则目录 / Rule catalogue\n\n");
        md.append("<!-- Generated from shared/src/main/resources/rules by RulesDocument; do not edit by hand. "
                + "Regenerate: ").append(REGENERATE).append(" -->\n\n");
        md.append("每条规则的数据在 `shared/src/main/resources/rules/<pack>/<RULE-ID>.json`，逻辑在 "
                + "`org.minedecl.shared.rules.<pack>.<RuleId>`，测试向量在 "
                + "`shared/src/test/resources/rules/<pack>/tests/<RULE-ID>/`。\n");
        md.append("Each rule's data is in `shared/src/main/resources/rules/<pack>/<RULE-ID>.json`, its logic in "
                + "`org.minedecl.shared.rules.<pack>.<RuleId>`, its test vectors in "
                + "`shared/src/test/resources/rules/<pack>/tests/<RULE-ID>/`.\n\n");
        md.append("A declaration is checked by CORE and every pack whose jurisdiction contains the mine's "
                + "(province `xx0000`, city `xxyy00`, county). A lower pack may override a parameter of a higher "
                + "one; findings name the effective value and the pack it came from. A lower pack may also set the "
                + "severity and disposition of a rule defined in a higher pack (\"levels\"): the lowest applicable "
                + "pack that sets them wins, and every finding names the pack and version of its rule "
                + "(`rulePack`) and of its level (`severityFrom`). "
                + "\"Today\" is the signing date (`--as-of`); \"period end\" is the last day of the quarter.\n\n");
        md.append("由下级规则包设定上级规则的严重程度与处置（levels）：适用的最低一级作了设定的规则包为准；每条结果注明规则所在规则包及版本"
                + "（`rulePack`）与设定严重程度的规则包及版本（`severityFrom`）。\n\n");
        changes(md, catalog);
        md.append("## 规则包 / Packs\n\n");
        md.append("| pack | version | jurisdiction | parent | 名称 | name | rules |\n|---|---|---|---|---|---|---|\n");
        for (RulePack p : catalog.packs()) {
            md.append("| `").append(p.id()).append("` | ").append(p.version()).append(" | ")
                    .append(p.jurisdiction().isEmpty() ? "all / 全国" : p.jurisdiction()).append(" | ")
                    .append(p.parent() == null ? "-" : "`" + p.parent() + "`").append(" | ")
                    .append(cell(p.name().zh())).append(" | ").append(cell(p.name().en())).append(" | ")
                    .append(p.rules().size()).append(" |\n");
        }
        for (RulePack p : catalog.packs()) {
            md.append("\n### ").append(p.id()).append(" ").append(p.version()).append(" - ").append(p.name().zh())
                    .append(" / ").append(p.name().en()).append("\n\n");
            md.append("Source / 依据文件: ").append(p.source()).append("\n\n");
            if (p.basisTo() != null) {
                md.append("Basis period / 规划期: ").append(p.basisFrom()).append(" – ").append(p.basisTo())
                        .append("; later periods' findings note / 之后各期的结果注明: ").append(p.basisNote().zh())
                        .append(" / ").append(p.basisNote().en()).append("\n\n");
            }
            params(md, p.parameters(), "Parameters / 参数");
            if (!p.levels().isEmpty()) {
                md.append("\n| Levels set / 设定的严重程度 | level | periods / 适用期 | clause / 依据 |\n|---|---|---|---|\n");
                p.levels().forEach((ruleId, settings) -> settings.forEach(st -> md.append("| ").append(ruleId)
                        .append(" | ").append(st.level()).append(" | ").append(st.window().isEmpty() ? "all / 全部"
                                : st.window()).append(" | ").append(cell(st.clause())).append(" |\n")));
            }
        }
        for (RulePack p : catalog.packs()) {
            md.append("\n## ").append(p.id()).append(" rules / ").append(p.name().zh()).append("\n");
            for (RuleDefinition r : p.rules()) {
                md.append("\n### ").append(r.id()).append("\n\n");
                if (r.retired() != null) {
                    md.append("- **Retired / 已停用** in ").append(r.retired().version())
                            .append(r.retired().replacedBy() == null ? "" : ", replaced by / 由 "
                                    + r.retired().replacedBy() + " 取代").append(": ").append(r.retired().reason().zh())
                            .append(" / ").append(r.retired().reason().en()).append("\n");
                }
                md.append("- **Severity / 严重程度**: ").append(r.severity())
                        .append(r.disposition() == null ? "" : " `" + r.disposition() + "`")
                        .append(r.escalation() == null ? "" : "; escalated / 升级: " + r.escalation())
                        .append(levelsSetBelow(catalog, r)).append("\n");
                md.append("- **检查**: ").append(r.checks().zh()).append("\n");
                md.append("- **Checks**: ").append(r.checks().en()).append("\n");
                md.append("- **依据 / Citation**: ").append(r.citation()).append("\n");
                md.append("- **Path**: `").append(r.path()).append("`")
                        .append(r.evaluatedByEngine() ? "" : " (reported by the parser / 由解析器报告)").append("\n");
                if (r.effectiveFrom() != null || r.effectiveTo() != null) {
                    md.append("- **In force for periods ending / 适用期末**: ")
                            .append(r.effectiveFrom() == null ? "…" : r.effectiveFrom()).append(" – ")
                            .append(r.effectiveTo() == null ? "…" : r.effectiveTo()).append("\n");
                }
                if (!r.parameters().isEmpty()) {
                    md.append("- **Parameters / 参数**: ");
                    md.append(String.join(", ", r.parameters().entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(e -> "`" + e.getKey() + "` = " + value(e.getValue())).toList()));
                    md.append("\n");
                }
                md.append("- **消息**: ").append(r.message().zh()).append("\n");
                md.append("- **Message**: ").append(r.message().en()).append("\n");
            }
        }
        return md.toString();
    }

    /** ", set by SZ: ..." for the packs below that set this rule's level. */
    private static String levelsSetBelow(RuleCatalog catalog, RuleDefinition r) {
        StringBuilder s = new StringBuilder();
        for (RulePack p : catalog.packs()) {
            List<LevelSetting> settings = p.levels().get(r.id());
            if (settings != null) {
                for (LevelSetting st : settings) {
                    s.append("; ").append(p.id()).append(": ").append(st.level())
                            .append(st.window().isEmpty() ? "" : " (" + st.window() + ")");
                }
            }
        }
        return s.toString();
    }

    /** Every change of every catalogue version, pack changes first, with its clause (zh and en). */
    private static void changes(StringBuilder md, RuleCatalog catalog) {
        java.util.TreeSet<String> versions = new java.util.TreeSet<>();
        catalog.packs().forEach(p -> p.changes().forEach(c -> versions.add(c.version())));
        catalog.rules().values().forEach(r -> r.changes().forEach(c -> versions.add(c.version())));
        for (String v : versions.descendingSet()) {
            String shortVersion = v.endsWith(".0") ? v.substring(0, v.length() - 2) : v;
            md.append("## ").append(shortVersion).append(" 版的变更 / Changes in ").append(shortVersion).append("\n\n");
            md.append("| pack / rule | 变更 | change | 依据 / clause |\n|---|---|---|---|\n");
            for (RulePack p : catalog.packs()) {
                for (Change c : p.changes()) {
                    if (c.version().equals(v)) {
                        md.append("| `").append(p.id()).append("` | ").append(cell(c.what().zh())).append(" | ")
                                .append(cell(c.what().en())).append(" | ").append(cell(c.clause())).append(" |\n");
                    }
                }
            }
            for (RulePack p : catalog.packs()) {
                for (RuleDefinition r : p.rules()) {
                    for (Change c : r.changes()) {
                        if (c.version().equals(v)) {
                            md.append("| ").append(r.id()).append(" | ").append(cell(c.what().zh())).append(" | ")
                                    .append(cell(c.what().en())).append(" | ").append(cell(c.clause())).append(" |\n");
                        }
                    }
                }
            }
            md.append("\n");
        }
    }

    private static void params(StringBuilder md, Map<String, Object> params, String title) {
        if (params.isEmpty()) {
            md.append(title).append(": none / 无\n");
            return;
        }
        md.append("| ").append(title).append(" | value |\n|---|---|\n");
        params.forEach((k, v) -> md.append("| `").append(k).append("` | ").append(value(v)).append(" |\n"));
    }

    private static String value(Object v) {
        return v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
