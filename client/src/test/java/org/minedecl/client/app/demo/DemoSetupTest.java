package org.minedecl.client.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.drafts.AttachmentFiles;
import org.minedecl.client.app.drafts.Draft;
import org.minedecl.client.app.drafts.DraftChecks;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.rules.Severity;

class DemoSetupTest {
    @TempDir
    Path home;

    @Test
    void theDemoMineIsADraftOfTheQuarterDueMarkedDemoWithItsAttachments() throws Exception {
        DraftStore store = new DraftStore(home, Clock.systemUTC());
        Draft d = new DemoSetup(home).demoMine(store, LocalDate.of(2026, 10, 8));
        assertThat(d.document().text("period")).isEqualTo("2026Q3");
        assertThat(d.document().text("enterprise.name")).contains("演示");
        assertThat(d.document().text("mine.name")).contains("演示");
        AttachmentFiles files = new AttachmentFiles(store);
        assertThat(files.missing(d.id(), d.document())).isEmpty();
        for (var a : d.document().root().path("attachments")) {
            assertThat(AttachmentFiles.sniff(files.fileOf(d.id(), a.path("path").asText()))).isEqualTo("pdf");
        }
        assertThat(store.openIds()).containsExactly(d.id());
        DraftChecks.Result r = new DraftChecks(RuleEngine.standard()).check(d.document(), LocalDate.of(2026, 10, 8),
                org.minedecl.shared.rules.History.NONE);
        assertThat(r.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        // a second start leaves the user's drafts alone
        assertThat(new DemoSetup(home).demoMine(store, LocalDate.of(2026, 10, 9))).isNull();
    }

    @Test
    void theServerTrustsTheDemoCaThroughItsTrustDirectory() throws Exception {
        DemoSetup demo = new DemoSetup(home);
        Files.createDirectories(demo.pkiDir());
        Files.writeString(demo.pkiDir().resolve("ca.pem"), "ca");
        Files.writeString(demo.pkiDir().resolve("ca.crl"), "crl");
        Path data = home.resolve("minedecl-data");
        demo.trust(data);
        assertThat(data.resolve("trust/minedecl-demo-ca.pem")).hasContent("ca");
        assertThat(data.resolve("trust/minedecl-demo-ca.crl")).hasContent("crl");
    }

    @Test
    void attachmentsAreCheckedByTheirContentNotTheirName() throws Exception {
        DraftStore store = new DraftStore(home, Clock.systemUTC());
        Draft d = store.create(org.minedecl.client.app.drafts.DraftDocument.blank());
        AttachmentFiles files = new AttachmentFiles(store);
        Path fake = home.resolve("licence.pdf");
        Files.writeString(fake, "MZ not a pdf");
        Path png = home.resolve("site.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0});
        assertThat(files.add(d.id(), d.document(), fake, org.minedecl.shared.declaration.AttachmentKind.OTHER)
                .refusal()).isEqualTo(AttachmentFiles.Refusal.NOT_PDF_JPG_PNG);
        assertThat(files.add(d.id(), d.document(), png, org.minedecl.shared.declaration.AttachmentKind.PHOTO).ok())
                .isTrue();
        assertThat(files.add(d.id(), d.document(), png, org.minedecl.shared.declaration.AttachmentKind.PHOTO)
                .refusal()).isEqualTo(AttachmentFiles.Refusal.DUPLICATE_NAME);
        assertThat(d.document().root().path("attachments")).hasSize(1);
        assertThat(d.document().text("attachments[0].path")).isEqualTo("attachments/site.png");
        files.remove(d.id(), d.document(), 0);
        assertThat(d.document().root().path("attachments")).isEmpty();
        assertThat(store.attachmentsDir(d.id()).resolve("site.png")).doesNotExist();
    }
}
