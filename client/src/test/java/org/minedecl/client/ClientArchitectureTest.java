package org.minedecl.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client's layers (DESIGN "The client, inside"): the application services in {@code client.app} are shared by
 * both front ends and so use no Swing, AWT or picocli; the desktop's views and the CLI's commands hold no business
 * rules and reach the rules, packages, tokens and the network only through {@code client.app}.
 */
class ClientArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClientClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.minedecl.client");
    }

    @Test
    void appServicesUseNoSwingAwtOrPicocli() {
        ArchRule rule = noClasses().that().resideInAPackage("org.minedecl.client.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..", "picocli..",
                        "com.formdev..", "net.miginfocom..", "com.github.lgooddatepicker..",
                        "org.minedecl.client.cli..", "org.minedecl.client.desktop..")
                .because("the CLI and the desktop call the same services; a service reports progress through a "
                        + "listener, never a Swing type");
        rule.check(classes);
    }

    /**
     * The desktop shows findings (Finding, Severity, LocalizedText) and may hold the rule engine to hand it to an
     * app service, but it evaluates nothing itself and never reaches into a rule's logic.
     */
    @Test
    void desktopViewsHoldNoBusinessRules() {
        ArchRule noRuleInternals = noClasses().that().resideInAPackage("org.minedecl.client.desktop..")
                .should().dependOnClassesThat().resideInAnyPackage("org.minedecl.shared.rules.core..",
                        "org.minedecl.shared.rules.sx..", "org.minedecl.shared.rules.sz..",
                        "org.minedecl.shared.rules.zz..", "org.minedecl.shared.rules.zn..",
                        "org.minedecl.shared.rules.sg..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.minedecl.shared.rules.DeclarationValidator")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.minedecl.shared.rules.EvaluationContext")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.minedecl.shared.rules.RuleContext")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.minedecl.shared.rules.RuleLogic")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.minedecl.shared.rules.RuleSupport")
                .because("validation runs in client.app (drafts, signing), the same for every front end");
        noRuleInternals.check(classes);
        ArchRule noEvaluation = noClasses().that().resideInAPackage("org.minedecl.client.desktop..")
                .should().callMethodWhere(new DescribedPredicate<JavaCall<?>>("RuleEngine.evaluate") {
                    @Override
                    public boolean test(JavaCall<?> call) {
                        return call.getTargetOwner().getFullName().equals("org.minedecl.shared.rules.RuleEngine")
                                && call.getName().startsWith("evaluate");
                    }
                });
        noEvaluation.check(classes);
    }

    @Test
    void frontEndsSignSendAndTouchTokensOnlyThroughAppServices() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.minedecl.client.desktop..",
                        "org.minedecl.client.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.xipki..", "io.micronaut.http.client..",
                        "java.net.http..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.minedecl.shared.pkg.PackageWriter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.minedecl.shared.signature.CadesSigner")
                .because("signing (SigningService), uploads (SubmissionService, Outbox) and PKCS#11 tokens "
                        + "(Pkcs11Tokens) each have one place in client.app");
        rule.check(classes);
    }

    @Test
    void commandsUseNoSwing() {
        noClasses().that().resideInAPackage("org.minedecl.client.cli..").and().doNotHaveSimpleName("DesktopCommand")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..")
                .check(classes);
    }
}
