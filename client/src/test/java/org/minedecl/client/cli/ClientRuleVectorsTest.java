package org.minedecl.client.cli;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.minedecl.shared.rules.RuleVectors;

/** The client runs the rule packs before signing: every rule's vectors must pass here too. */
class ClientRuleVectorsTest {
    @TestFactory
    Stream<DynamicTest> everyRuleVectorPassesInTheClientBuild() {
        return RuleVectors.dynamicTests();
    }
}
