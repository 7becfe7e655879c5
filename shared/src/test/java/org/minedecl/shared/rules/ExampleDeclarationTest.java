package org.minedecl.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExampleDeclarationTest {
    @Test
    void theZezhouExampleValidatedOnTenOctoberHasNoErrorAndNoFlag() throws IOException {
        byte[] json;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RuleVectors.EXAMPLE)) {
            json = in.readAllBytes();
        }
        var result = new DeclarationValidator(RuleEngine.standard()).validate(json, LocalDate.of(2026, 10, 10), null);
        assertThat(result.declaration()).isNotNull();
        assertThat(result.findings()).noneMatch(f -> f.severity() == Severity.ERROR || f.severity() == Severity.FLAG);
        assertThat(result.hasErrors()).isFalse();
    }
}
