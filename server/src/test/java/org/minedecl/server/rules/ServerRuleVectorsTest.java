package org.minedecl.server.rules;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.minedecl.shared.rules.RuleVectors;

/**
 * The server's verdict is the one that counts: every rule's vectors must pass through {@link RuleService}, the
 * way an upload is evaluated (parse once, then the rules with the previous declaration).
 */
class ServerRuleVectorsTest {
    private final RuleService rules = new RuleService();

    @TestFactory
    Stream<DynamicTest> everyRuleVectorPassesThroughTheServersRuleService() {
        return RuleVectors.dynamicTests((json, asOf, previous) -> rules.validate(rules.parse(json), asOf,
                previous == null ? null : rules.parse(previous).declaration()).findings());
    }
}
