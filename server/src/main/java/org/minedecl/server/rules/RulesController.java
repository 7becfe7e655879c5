package org.minedecl.server.rules;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.List;
import org.minedecl.shared.rules.RulePackInfo;

/** {@code GET /api/v1/rules}: the rule packs in force, with their versions. */
@Controller("/api/v1/rules")
public class RulesController {
    private final RuleService rules;

    public RulesController(RuleService rules) {
        this.rules = rules;
    }

    /** The packs in force. */
    public record RulePacks(List<RulePackInfo> packs) {
    }

    @Get
    public RulePacks packs() {
        return new RulePacks(rules.packs());
    }
}
