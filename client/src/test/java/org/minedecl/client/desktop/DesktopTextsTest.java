package org.minedecl.client.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.minedecl.client.desktop.form.FieldSpec;
import org.minedecl.shared.declaration.AttachmentKind;

class DesktopTextsTest {
    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DesktopTextsTest.class.getResourceAsStream("/org/minedecl/client/desktop/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyDesktopTextExistsInChineseAndEnglish() throws IOException {
        Properties zh = load("Desktop.properties");
        Properties en = load("Desktop_en.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(zh.getProperty("section.fund")).isEqualTo("恢复治理基金");
        assertThat(en.getProperty("section.fund")).isEqualTo("Restoration fund");
    }

    @Test
    void everyFieldAndEveryChoiceHasALabel() throws IOException {
        Properties zh = load("Desktop.properties");
        for (FieldSpec.Section s : FieldSpec.SECTIONS) {
            assertThat(zh).containsKey(s.key());
            for (FieldSpec f : s.fields()) {
                // the field's label comes from the one field catalogue (FieldCatalogTest), not from here
                assertThat(zh).as(f.path()).doesNotContainKey("field." + f.path());
                if (f.choices() != null) {
                    for (Enum<?> c : f.choices().getEnumConstants()) {
                        assertThat(zh).containsKey("enum." + f.choices().getSimpleName() + "." + c.name());
                    }
                }
                if (f.unitKey() != null && !f.unitKey().equals("listedOnly")) {
                    assertThat(zh).containsKey(f.unitKey());
                }
            }
        }
        for (AttachmentKind k : AttachmentKind.values()) {
            assertThat(zh).containsKey("enum.AttachmentKind." + k.name());
        }
    }
}
