package org.minedecl.shared.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shared module is run by the desktop client and the server alike: it must not lean on either. */
class SharedArchitectureTest {
    private static final JavaClasses SHARED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.minedecl.shared");

    @Test
    void sharedUsesNoSwingOrAwt() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..")
                .check(SHARED);
    }

    @Test
    void sharedUsesNoJdbc() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(SHARED);
    }

    @Test
    void sharedUsesNoHttpServerOrMicronaut() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "io.netty..")
                .check(SHARED);
    }

    @Test
    void sharedDependsOnNeitherClientNorServer() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.minedecl.client..", "org.minedecl.server..").check(SHARED);
    }
}
