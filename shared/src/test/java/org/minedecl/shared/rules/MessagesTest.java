package org.minedecl.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void placeholdersAreFilledPerLanguageAndUnknownOnesStayAsWritten() {
        LocalizedText t = Messages.render(new LocalizedText("存入 {deposited} 元，{mineral}，{unknown}",
                "deposited {deposited}, {mineral}, {unknown}"), Map.of("deposited", new BigDecimal("90000.00"),
                "mineral", new LocalizedText("水泥用灰岩", "cement limestone")));
        assertThat(t.zh()).isEqualTo("存入 90000.00 元，水泥用灰岩，{unknown}");
        assertThat(t.en()).isEqualTo("deposited 90000.00, cement limestone, {unknown}");
    }

    @Test
    void bracesThatAreNoPlaceholderAreKept() {
        Map<String, Object> v = Map.of("b", 1, "", 2);
        assertThat(Messages.fill("{} {a{b} x} {b}{b} {", v, "en")).isEqualTo("{} {a1 x} 11 {");
        assertThat(Messages.fill("no braces", v, "en")).isEqualTo("no braces");
        assertThat(Messages.fill("{b}", Map.of(), "en")).isEqualTo("{b}");
    }
}
