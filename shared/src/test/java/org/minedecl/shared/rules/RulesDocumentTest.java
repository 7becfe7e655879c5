package org.minedecl.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.minedecl.shared.bench.BenchmarkReport;

/** docs/rules.md is generated from the packs; this fails when it is stale and says how to regenerate it. */
class RulesDocumentTest {
    private static Path rulesMd() {
        return BenchmarkReport.docFile().resolveSibling("rules.md");
    }

    @Test
    void docsRulesMdIsUpToDateWithThePacks() throws IOException {
        String expected = RulesDocument.markdown(RuleCatalog.standard());
        Path file = rulesMd();
        if (Boolean.getBoolean("minedecl.regenerateDocs")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertThat(actual).as("docs/rules.md is stale; regenerate it with: " + RulesDocument.REGENERATE)
                .isEqualTo(expected);
    }

    @Test
    void theCatalogueListsEveryRuleWithItsCitation() {
        String md = RulesDocument.markdown(RuleCatalog.standard());
        for (RuleDefinition r : RuleCatalog.standard().rules().values()) {
            assertThat(md).contains("### " + r.id() + "\n").contains(r.citation());
        }
        assertThat(md).contains("| `minScale.BAUXITE` | 30 |").contains("| `longStopMonths` | 12 |");
    }
}
