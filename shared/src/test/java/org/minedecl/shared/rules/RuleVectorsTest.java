package org.minedecl.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RuleVectorsTest {
    @TestFactory
    Stream<DynamicTest> everyRuleVectorPassesThroughTheEngine() {
        return RuleVectors.dynamicTests();
    }

    @Test
    void everyRuleHasAVectorThatFiresItAndOneThatDoesNot() {
        List<RuleVectors.Vector> all = RuleVectors.all();
        for (RuleDefinition rule : RuleCatalog.standard().rules().values()) {
            if (rule.retired() == null) {
                assertThat(all).as("a vector of %s where it fires", rule.id())
                        .anyMatch(v -> v.ruleId().equals(rule.id()) && v.present().contains(rule.id()));
            } else {
                assertThat(all).as("a retired rule never fires: %s", rule.id())
                        .noneMatch(v -> v.present().contains(rule.id()));
            }
            assertThat(all).as("a vector of %s where it stays silent", rule.id())
                    .anyMatch(v -> v.ruleId().equals(rule.id()) && v.absent().contains(rule.id()));
        }
    }

    @Test
    void aVectorWithAWrongExpectationIsReportedAsFailing() {
        RuleVectors.Vector good = RuleVectors.all().stream()
                .filter(v -> v.present().contains("CORE-FUND-02")).findFirst().orElseThrow();
        RuleVectors.Vector inverted = new RuleVectors.Vector(good.name(), good.ruleId(), good.description(),
                good.declaration(), good.history(), good.asOf(), good.absent(), good.present(), good.severity(),
                good.params(), good.disposition(), good.severityFrom(), good.note());
        assertThat(RuleVectors.check(inverted, RuleEngine.standard()))
                .anyMatch(p -> p.contains("did not expect CORE-FUND-02"));
    }
}
