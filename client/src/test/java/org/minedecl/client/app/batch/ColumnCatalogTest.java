package org.minedecl.client.app.batch;

import org.minedecl.client.app.drafts.FieldKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minedecl.shared.declaration.Mineral;

class ColumnCatalogTest {
    final ColumnCatalog catalog = ColumnCatalog.standard();

    @Test
    void everyFieldOfTheModelIsAColumnAndEveryLabelInTheFileBelongsToOne() throws Exception {
        Properties p = new Properties();
        p.load(new InputStreamReader(org.minedecl.client.app.fields.FieldCatalog.class
                .getResourceAsStream("fields.properties"), StandardCharsets.UTF_8));
        Set<String> fieldKeys = new HashSet<>();
        for (FieldSpec f : catalog.fields()) {
            fieldKeys.add(f.path() + ".label");
            fieldKeys.add(f.path() + ".en");
            fieldKeys.add(f.path() + ".unit");
            fieldKeys.add(f.path() + ".alias");
        }
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".label") || key.endsWith(".en") || key.endsWith(".unit") || key.endsWith(".alias")) {
                assertThat(fieldKeys).as("fields.properties key %s names no field", key).contains(key);
            }
        }
        // the 77 leaf fields of the published JSON Schema (docs/schema), schema itself included
        assertThat(catalog.fields()).hasSize(77);
        assertThat(catalog.fields()).extracting(FieldSpec::path).contains("restorationFund.deposited",
                "greenMine.milestones[].due", "attachments[].kind", "amends");
    }

    @Test
    void noTwoColumnsShareAChineseLabel() {
        Set<String> labels = new HashSet<>();
        for (FieldSpec f : catalog.fields()) {
            for (int i = 0; i < (f.inArray() ? ColumnCatalog.MAX_ARRAY_ELEMENTS : 1); i++) {
                assertThat(labels.add(f.labelAt(i))).as("label %s", f.labelAt(i)).isTrue();
            }
        }
    }

    @Test
    void headersResolveByPathOrLabelWithArrayIndexes() {
        assertThat(catalog.resolve("greenMine.milestones[2].due").orElseThrow().label()).isEqualTo("里程碑3计划完成日期");
        assertThat(catalog.resolve(" 里程碑3计划完成日期 ").orElseThrow().path()).isEqualTo("greenMine.milestones[2].due");
        assertThat(catalog.resolve("本季度实际存入基金").orElseThrow().path()).isEqualTo("restorationFund.deposited");
        assertThat(catalog.resolve("restorationFund.deposited").orElseThrow().field().kind()).isEqualTo(FieldKind.MONEY);
        assertThat(catalog.resolve("greenMine.milestones.due")).isEmpty();
        assertThat(catalog.resolve("mine.name[0]")).isEmpty();
        assertThat(catalog.resolve("greenMine.milestones[20].due")).isEmpty();
        assertThat(catalog.resolve("restorationFund")).isEmpty();
    }

    @Test
    void enumValuesAreReadByCodeInAnyCaseOrByChineseLabel() {
        assertThat(catalog.enumCode(Mineral.class, "水泥用灰岩")).contains("CEMENT_LIMESTONE");
        assertThat(catalog.enumCode(Mineral.class, "cement_limestone")).contains("CEMENT_LIMESTONE");
        assertThat(catalog.enumCode(Mineral.class, "灰岩")).isEmpty();
        assertThat(catalog.enumChoices(Mineral.class)).hasSize(16).contains("GRANITE 花岗岩");
        assertThat(List.of(catalog.enumLabel(Mineral.class, "GRANITE"))).containsExactly("花岗岩");
    }
}
