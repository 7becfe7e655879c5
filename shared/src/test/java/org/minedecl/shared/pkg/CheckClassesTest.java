package org.minedecl.shared.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each package check is findable in one hop from its id (issue 11 point 5, as in EU DSS): one small class per check,
 * named after the id ({@code cms.signedAttributes} is {@code CmsSignedAttributesCheck}; a variant for another kind
 * of package adds a word before {@code Check}, e.g. {@code SignerUsccDelegationCheck}). The three container checks
 * of the ZIP itself are answered by {@link ZipContainer}, the parser that gathers the facts.
 */
class CheckClassesTest {
    /** Every class of the package that is a check, by the id it answers for. */
    private static Map<String, List<String>> checkClassesById() throws Exception {
        Map<String, List<String>> byId = new TreeMap<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.minedecl.shared.pkg")) {
            if (!c.getPackageName().equals("org.minedecl.shared.pkg") || c.isInterface()
                    || !c.isAssignableTo(PackageCheck.class) || c.getSimpleName().isEmpty()) {
                continue;
            }
            Constructor<?> k = c.reflect().getDeclaredConstructor();
            k.setAccessible(true);
            PackageCheck check = (PackageCheck) k.newInstance();
            byId.computeIfAbsent(check.id(), x -> new ArrayList<>()).add(c.getSimpleName());
        }
        return byId;
    }

    /** {@code cms.signedAttributes} -> {@code CmsSignedAttributes}. */
    static String camel(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("\\.")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    @Test
    void everyCheckIdOfADeclarationPackageIsExactlyOneClassNamedAfterIt() throws Exception {
        Map<String, List<String>> byId = checkClassesById();
        List<String> ids = PackageVerifier.CHECKS.stream().map(PackageCheck::id).toList();

        assertThat(ids).doesNotHaveDuplicates();
        for (PackageCheck c : PackageVerifier.CHECKS) {
            assertThat(c.getClass().getSimpleName()).as(c.id()).isEqualTo(camel(c.id()) + "Check");
            assertThat(byId.get(c.id()).stream().filter(n -> n.equals(camel(c.id()) + "Check")))
                    .as("classes named after %s", c.id()).hasSize(1);
        }
        System.out.println("package checks: " + byId);
    }

    @Test
    void everyCheckClassIsUsedAndStartsWithItsIdAndTheZipChecksAreTheParsers() throws Exception {
        Map<String, List<String>> byId = checkClassesById();
        List<String> used = new ArrayList<>();
        PackageVerifier.CHECKS.forEach(c -> used.add(c.getClass().getSimpleName()));
        PackageVerifier.DELEGATION_CHECKS.forEach(c -> used.add(c.getClass().getSimpleName()));
        assertThat(PackageVerifier.DELEGATION_CHECKS.stream().map(PackageCheck::id).toList()).doesNotHaveDuplicates();

        byId.forEach((id, classes) -> classes.forEach(name -> {
            assertThat(name).as(id).startsWith(camel(id)).endsWith("Check");
            assertThat(used).as("%s is run by the verifier", name).contains(name);
        }));
        assertThat(byId).doesNotContainKeys(ZipContainer.CHECK_STRUCTURE, ZipContainer.CHECK_ENTRIES,
                ZipContainer.CHECK_CONTENT);
    }

    @Test
    void everyCheckIdIsNamedInTheSignaturesDocumentInBothLanguages() throws Exception {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("docs"))) {
            d = d.getParent();
        }
        String doc = Files.readString(d.resolve("docs/signatures.md"), StandardCharsets.UTF_8);
        String zh = doc.substring(0, doc.indexOf("## English"));
        String en = doc.substring(doc.indexOf("## English"));
        List<String> ids = new ArrayList<>(List.of(ZipContainer.CHECK_STRUCTURE, ZipContainer.CHECK_ENTRIES,
                ZipContainer.CHECK_CONTENT));
        PackageVerifier.CHECKS.forEach(c -> ids.add(c.id()));
        for (String id : ids) {
            assertThat(zh).as("zh").contains("`" + id + "`");
            assertThat(en).as("en").contains("`" + id + "`");
        }
    }
}
