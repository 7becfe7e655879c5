package org.minedecl.shared.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every failure code has both texts, is documented, and covers every code the checks can produce. */
class FailureCodeTest {
    private static Path repo() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("docs"))) {
            d = d.getParent();
        }
        return d;
    }

    @Test
    void everyCodeHasAChineseAndAnEnglishText() {
        for (FailureCode c : FailureCode.values()) {
            assertThat(c.zh()).as(c.name()).isNotBlank().matches(".*\\p{IsHan}.*");
            assertThat(c.en()).as(c.name()).isNotBlank().matches("[ -~]+");
            assertThat(c.category()).as(c.name()).isNotNull();
        }
    }

    @Test
    void everyCodeIsDocumentedInSignaturesMdWithBothTexts() throws Exception {
        String doc = Files.readString(repo().resolve("docs/signatures.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (FailureCode c : FailureCode.values()) {
            String row = "| `" + c.name() + "` | " + c.category() + " | " + c.zh() + " | " + c.en() + " |";
            if (!doc.contains(row)) {
                missing.add(row);
            }
        }
        assertThat(missing).as("rows missing from the code table of docs/signatures.md").isEmpty();
    }

    @Test
    void everyCodeTheCertificateValidatorCanGiveIsAFailureCodeOfTheSameCategory() throws Exception {
        String src = Files.readString(repo().resolve(
                "shared/src/main/java/org/minedecl/shared/trust/CertificateValidator.java"));
        Matcher m = Pattern.compile("\"([A-Z][A-Z0-9_]+)\",\\s*Refusal\\.([A-Z_]+)").matcher(src);
        int found = 0;
        while (m.find()) {
            found++;
            FailureCode c = FailureCode.valueOf(m.group(1));
            assertThat(c.category().name()).as(m.group(1)).isEqualTo(m.group(2));
        }
        assertThat(found).isGreaterThan(10);
    }

    @Test
    void everyCodeTheDeclarationParserCanGiveIsAJsonLimitFailureCode() {
        for (String limit : List.of("JSON_TOO_LARGE", "JSON_TOO_DEEP", "JSON_NUMBER_TOO_LONG", "JSON_STRING_TOO_LONG",
                "JSON_NAME_TOO_LONG", "JSON_TOO_MANY_TOKENS", "JSON_DUPLICATE_KEY")) {
            assertThat(FailureCode.valueOf(limit).category()).isEqualTo(Category.JSON_LIMIT_EXCEEDED);
        }
    }

    @Test
    void everyCodeMentionedInTheChecksIsAFailureCode() throws Exception {
        // no code as a bare string is left in the checks: each names a FailureCode constant
        Path dir = repo().resolve("shared/src/main/java/org/minedecl/shared/pkg");
        Pattern bare = Pattern.compile("fail\\(\"[A-Z]");
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                assertThat(bare.matcher(Files.readString(p)).find()).as(p.getFileName().toString()).isFalse();
            }
        }
    }
}
