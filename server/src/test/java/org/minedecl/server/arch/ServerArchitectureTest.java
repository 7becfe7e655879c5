package org.minedecl.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The server's packages: features ({@code submission}, {@code abnormal}, {@code review}, ...) over a few common
 * ones ({@code problem}, {@code storage}, {@code config}, {@code util}); inside a feature, controllers speak HTTP,
 * services decide, repositories speak SQL. Micronaut's generated bean definitions ({@code $Foo$Definition}) are
 * left out: they refer to every bean by design.
 */
class ServerArchitectureTest {
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/$"))
            .importPackages("org.minedecl.server");

    @Test
    void serverPackagesHaveNoCycles() {
        slices().matching("org.minedecl.server.(*)..").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void onlyControllersAndTheErrorHandlerSpeakHttp() {
        // a repository or service answers in its own results (or a ProblemException the error handler renders);
        // HTTP requests, responses and statuses belong to controllers and to problem/
        noClasses().that().haveSimpleNameEndingWith("Repository")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "org.minedecl.server.problem..")
                .because("storage speaks in its own results; controllers and one error handler speak HTTP")
                .check(SERVER);
    }

    @Test
    void controllersDoNotReadRepositoriesDirectly() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .because("controllers -> services -> repositories")
                .check(SERVER);
    }

    @Test
    void nothingButControllersDependsOnControllers() {
        noClasses().that().haveSimpleNameNotEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Controller")
                .check(SERVER);
    }

    @Test
    void repositoriesDoNotDependOnServicesOrControllers() {
        noClasses().that().haveSimpleNameEndingWith("Repository")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Service")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Controller")
                .check(SERVER);
    }

    @Test
    void theCommonPackagesDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("org.minedecl.server.problem..", "org.minedecl.server.storage..",
                        "org.minedecl.server.util..")
                .should().dependOnClassesThat().resideInAnyPackage("org.minedecl.server.submission..",
                        "org.minedecl.server.abnormal..", "org.minedecl.server.review..",
                        "org.minedecl.server.statistics..")
                .check(SERVER);
    }
}
