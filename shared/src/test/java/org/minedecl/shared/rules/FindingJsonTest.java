package org.minedecl.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFindingCarriesItsRulePackAndTheVersionThatSetItsLevelThroughJson() throws IOException {
        Finding f = new Finding("SX-LIFE-01", Severity.FLAG, Disposition.NO_EXTENSION, "$.mine.remainingReserves",
                new LocalizedText("a", "b"), "c", Map.of("serviceLifeYears", 3.33), new PackRef("SX", "1.1.0"),
                new PackRef("SZ", "1.1.0"), null);

        String text = JSON.writeValueAsString(f);

        assertThat(text).contains("\"rulePack\":{\"id\":\"SX\",\"version\":\"1.1.0\"}")
                .contains("\"severityFrom\":{\"id\":\"SZ\",\"version\":\"1.1.0\"}").doesNotContain("note");
        assertThat(JSON.readValue(text, Finding.class)).isEqualTo(f);
    }

    @Test
    void aFindingStoredUnder100ReadsBackWithoutPackNames() throws IOException {
        Finding f = JSON.readValue("{\"ruleId\":\"CORE-LATE-01\",\"severity\":\"FLAG\",\"disposition\":\"ABNORMAL_LIST\","
                + "\"path\":\"$.period\",\"message\":{\"zh\":\"z\",\"en\":\"e\"},\"citation\":\"c\"}", Finding.class);
        assertThat(f.severity()).isEqualTo(Severity.FLAG);
        assertThat(f.disposition()).isEqualTo(Disposition.ABNORMAL_LIST);
        assertThat(f.rulePack()).isNull();
        assertThat(f.severityFrom()).isNull();
    }
}
