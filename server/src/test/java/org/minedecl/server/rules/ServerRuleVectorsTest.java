package org.minedecl.server.rules;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.minedecl.shared.rules.History;
import org.minedecl.shared.rules.RuleVectors;

/**
 * The server's verdict is the one that counts: every rule's vectors must pass through {@link RuleService}, the
 * way an upload is evaluated (parse once, then the rules with the accepted earlier declarations).
 */
class ServerRuleVectorsTest {
    private final RuleService rules = new RuleService();

    @TestFactory
    Stream<DynamicTest> everyRuleVectorPassesThroughTheServersRuleService() {
        return RuleVectors.dynamicTests((json, asOf, history) -> rules.validate(rules.parse(json), asOf,
                History.of(history.stream().map(h -> rules.parse(h).declaration()).toList())).findings());
    }
}
