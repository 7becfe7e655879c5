package org.minedecl.shared.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rule logic looks at the declaration and reports through the context: no I/O, no JSON, no clock of its own. */
class RuleLogicArchitectureTest {
    private static final JavaClasses SHARED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.minedecl.shared");

    @Test
    void ruleLogicDependsOnlyOnTheModelTheEngineApiAndTheJdkBasics() {
        classes().that().resideInAnyPackage("org.minedecl.shared.rules.core", "org.minedecl.shared.rules.sx",
                        "org.minedecl.shared.rules.sz", "org.minedecl.shared.rules.zz", "org.minedecl.shared.rules.zn",
                        "org.minedecl.shared.rules.sg")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.minedecl.shared.declaration",
                        "org.minedecl.shared.rules..", "java.lang..", "java.math..", "java.time..", "java.util..")
                .check(SHARED);
    }

    @Test
    void theRulesAndTheParserNeverReadTheSystemClock() {
        noClasses().that().resideInAnyPackage("org.minedecl.shared.rules..", "org.minedecl.shared.declaration..")
                .should().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(SHARED);
    }
}
