package org.minedecl.server.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.minedecl.server.rules.RuleService;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.DeclarationValidator;
import org.minedecl.shared.rules.Disposition;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.LocalizedText;
import org.minedecl.shared.rules.RulePackInfo;
import org.minedecl.shared.rules.Severity;

/**
 * TEMPORARY test double until the shared rule engine lands on main: unreadable JSON is a CORE-SCHEMA-01 ERROR,
 * a deposit below the requirement a CORE-FUND-02 FLAG, an opening balance unlike the previous closing balance a
 * CORE-CONS-01 FLAG. Active only with {@code minedecl.test.fake-packages=true}.
 */
@Singleton
@Replaces(RuleService.class)
@Requires(property = "minedecl.test.fake-packages", value = "true")
public class FakeRules extends RuleService {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public DeclarationValidator.ValidationResult validate(byte[] json, LocalDate asOf, Declaration previous) {
        Declaration d;
        try {
            d = MAPPER.readValue(json, Declaration.class);
        } catch (Exception e) {
            return new DeclarationValidator.ValidationResult(null, List.of(finding("CORE-SCHEMA-01", Severity.ERROR,
                    null, "$")));
        }
        List<Finding> out = new ArrayList<>();
        if (d.enterprise() == null || d.enterprise().uscc() == null) {
            out.add(finding("CORE-SCHEMA-01", Severity.ERROR, null, "$.enterprise.uscc"));
        }
        if (d.restorationFund() != null && d.restorationFund().deposited() != null
                && d.restorationFund().deposited().compareTo(d.restorationFund().required()) < 0) {
            out.add(finding("CORE-FUND-02", Severity.FLAG, Disposition.ABNORMAL_LIST, "$.restorationFund.deposited"));
        }
        if (previous != null && previous.restorationFund() != null && d.restorationFund() != null
                && previous.restorationFund().closingBalance().compareTo(d.restorationFund().openingBalance()) != 0) {
            out.add(finding("CORE-CONS-01", Severity.FLAG, Disposition.ABNORMAL_LIST,
                    "$.restorationFund.openingBalance"));
        }
        return new DeclarationValidator.ValidationResult(d, out);
    }

    private static Finding finding(String rule, Severity severity, Disposition disposition, String path) {
        return new Finding(rule, severity, disposition, path, new LocalizedText("测试", "test"), "test", null);
    }

    @Override
    public Declaration parse(byte[] json) {
        try {
            return MAPPER.readValue(json, Declaration.class);
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public List<RulePackInfo> packs() {
        return List.of(new RulePackInfo("CORE", "0.0.0-fake", ""));
    }
}
