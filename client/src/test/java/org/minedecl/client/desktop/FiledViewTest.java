package org.minedecl.client.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javax.swing.JLabel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.demo.DemoSetup;
import org.minedecl.client.app.drafts.Draft;
import org.minedecl.client.app.drafts.DraftDocument;
import org.minedecl.client.app.drafts.DraftFiling;
import org.minedecl.client.app.drafts.DraftStatus;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.client.app.drafts.FiledQuarter;
import org.minedecl.client.app.signing.Preparation;
import org.minedecl.client.app.signing.SigningService;
import org.minedecl.client.app.status.FilingStatus;
import org.minedecl.client.app.submission.Outbox;
import org.minedecl.client.desktop.filed.FiledView;
import org.minedecl.shared.testpki.TestPki;

/** The read-only view of a filed quarter, without a display: what was signed, the receipt, the review. */
class FiledViewTest {
    static final Clock OCT_8 = Clock.fixed(Instant.parse("2026-10-08T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    @BeforeEach
    void chinese() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void theViewShowsTheDeclarationAsSignedWithItsReceiptAndTheReturnByTheRegulator() throws Exception {
        DraftStore store = new DraftStore(home, OCT_8);
        Draft q = new DemoSetup(home).demoMine(store, LocalDate.of(2026, 10, 8));
        DraftFiling filing = new DraftFiling(store, SigningService.standard(BusinessClock.of(OCT_8)),
                new Outbox(home.resolve("outbox"), BusinessClock.of(OCT_8)));
        filing.sign(q.id(), (Preparation.Ready) filing.prepare(q.id(), q.document(), null),
                TestPki.get(TestPki.KeyAlg.EC).leaf().build().credential(), null);
        Files.writeString(store.receiptFile(q.id()), "{\"receiptId\": \"R-2026Q3-0042\", \"status\": \"FLAGGED\","
                + " \"receivedAt\": \"2026-10-08T02:00:05Z\", \"findings\": [{\"ruleId\": \"CORE-FUND-02\","
                + " \"severity\": \"FLAG\", \"message\": {\"zh\": \"恢复治理基金存入不足\", \"en\": \"shortfall\"}}]}");
        DraftStore.writeAtomically(store.serverStatusFile(q.id()), new FilingStatus(Instant.parse(
                "2026-10-20T01:00:00Z"), "FLAGGED", null, List.of(new FilingStatus.Decision("RETURN", null,
                "基金存入凭证不清晰", Instant.parse("2026-10-19T03:00:00Z"))), List.of(new FilingStatus.AbnormalEntry(
                "CORE-FUND-02", "CANDIDATE", null))).toBytes());
        // the draft file changed after signing: the view shows what was signed
        DraftDocument later = q.document().snapshot();
        later.set("mine.name", DraftDocument.NODES.textNode("改过的名字"));
        store.save(q.id(), later);

        FiledQuarter filed = FiledQuarter.read(store, q.id());
        assertThat(filed.fromPackage()).isTrue();
        assertThat(filed.status()).isEqualTo(DraftStatus.RETURNED);
        FiledView v = DraftEditorTest.onEdt(() -> new FiledView(filed));

        assertThat(text(v, "filed.receiptId")).isEqualTo("R-2026Q3-0042");
        assertThat(text(v, "filed.status")).isEqualTo("已退回");
        assertThat(text(v, "filed.returned")).contains("基金存入凭证不清晰").contains("更正申报");
        assertThat(text(v, "filed.decision.0")).contains("退回").contains("基金存入凭证不清晰");
        assertThat(text(v, "filed.abnormal.0")).contains("CORE-FUND-02").contains("拟列入");
        assertThat(text(v, "filed.finding.CORE-FUND-02")).contains("恢复治理基金存入不足");
        assertThat(text(v, "filed.mine.name")).isEqualTo("金岭水泥用灰岩矿（演示）");
    }

    static String text(FiledView v, String name) {
        JLabel l = find(v.view(), name);
        assertThat(l).as(name).isNotNull();
        return l.getText();
    }

    static JLabel find(Container c, String name) {
        for (Component x : c.getComponents()) {
            if (x instanceof JLabel l && name.equals(l.getName())) {
                return l;
            }
            if (x instanceof Container cc) {
                JLabel l = find(cc, name);
                if (l != null) {
                    return l;
                }
            }
        }
        return null;
    }
}
