package org.minedecl.client.app.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.batch.ColumnCatalog;
import org.minedecl.client.app.batch.FieldSpec;
import org.minedecl.client.app.drafts.FieldKind;

/** One vocabulary: the desktop form, the import's columns and the template call every field the same. */
class FieldCatalogTest {
    final FieldCatalog catalog = FieldCatalog.standard();

    @Test
    void everyInputOfTheDesktopFormIsAFieldOfTheCatalogueOfTheSameKindAndEnum() {
        for (org.minedecl.client.desktop.form.FieldSpec.Section s : org.minedecl.client.desktop.form.FieldSpec.SECTIONS) {
            for (org.minedecl.client.desktop.form.FieldSpec input : s.fields()) {
                FieldCatalog.Field f = catalog.field(input.path()).orElseThrow(
                        () -> new AssertionError(input.path() + " is not in the field catalogue"));
                assertThat(f.kind()).as(input.path()).isEqualTo(input.kind());
                assertThat(f.enumType()).as(input.path()).isEqualTo(input.choices());
                assertThat(catalog.label(input.path(), Language.ZH)).as(input.path()).isEqualTo(f.zh()).isNotBlank();
                assertThat(catalog.label(input.path(), Language.EN)).as(input.path()).isEqualTo(f.en()).isNotBlank();
            }
        }
    }

    @Test
    void theImportColumnsAndTheTemplateUseTheCataloguesLabels() {
        ColumnCatalog columns = ColumnCatalog.standard();
        assertThat(columns.fields()).hasSameSizeAs(catalog.fields());
        for (FieldSpec c : columns.fields()) {
            FieldCatalog.Field f = catalog.field(c.path()).orElseThrow();
            assertThat(c.label()).isEqualTo(f.zh());
            assertThat(c.english()).isEqualTo(f.en());
            assertThat(c.kind()).isEqualTo(f.kind());
            assertThat(c.unit()).isEqualTo(f.unit());
            // the template's header of each column is the label the desktop shows
            assertThat(columns.resolve(c.labelAt(0)).orElseThrow().path()).isEqualTo(c.pathAt(0));
        }
        assertThat(catalog.field("restorationFund.deposited").orElseThrow().kind()).isEqualTo(FieldKind.MONEY);
        assertThat(catalog.label("greenMine.milestones[2].due", Language.ZH)).isEqualTo("里程碑3计划完成日期");
    }

    @Test
    void earlierLabelsStayAcceptedAsImportHeadersWithoutNamingTwoFields() {
        ColumnCatalog columns = ColumnCatalog.standard();
        Set<String> labels = new HashSet<>();
        for (FieldCatalog.Field f : catalog.fields()) {
            labels.add(f.zh());
        }
        int aliases = 0;
        for (FieldCatalog.Field f : catalog.fields()) {
            for (String alias : f.aliases()) {
                aliases++;
                assertThat(labels).as("alias %s of %s is another field's label", alias, f.path()).doesNotContain(alias);
                if (!f.inArray()) {
                    assertThat(columns.resolve(alias).orElseThrow().path()).as(alias).isEqualTo(f.path());
                }
            }
        }
        assertThat(aliases).isGreaterThan(30);
        // the desktop called these so before: a spreadsheet with those headers still imports
        assertThat(columns.resolve("申报季度").orElseThrow().path()).isEqualTo("period");
        assertThat(columns.resolve("新建矿山").orElseThrow().path()).isEqualTo("mine.isNew");
    }
}
