package org.minedecl.client.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.admin.RegulatorRegistry;
import org.minedecl.client.app.demo.DemoSetup;
import org.minedecl.client.app.drafts.Draft;
import org.minedecl.client.app.drafts.DraftFiling;
import org.minedecl.client.app.drafts.DraftStatus;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.client.app.session.ServerSession;
import org.minedecl.client.app.signing.Preparation;
import org.minedecl.client.app.submission.SubmissionResult;
import org.minedecl.client.app.submission.SubmissionService;
import org.minedecl.client.desktop.DesktopHarness;
import org.minedecl.shared.signature.SigningCredential;
import org.minedecl.shared.testpki.TestPki;

/**
 * The status of a filed quarter from the real server jar (its own process): the demo enterprise files its quarter,
 * a registered regulator returns it (RETURN), and the enterprise's certificate login then sees "returned", the
 * reason, and the quarter's abnormal-list entry; a key of another enterprise sees none of it.
 */
@Tag("server-process")
class StatusServiceServerTest {
    @TempDir
    Path home;

    @Test
    void aReturnByTheRegulatorShowsAsReturnedWithItsReasonAndTheAbnormalListEntry() throws Exception {
        TestPki pki = TestPki.get(TestPki.KeyAlg.EC);
        TestPki.Leaf admin = pki.leaf().keySlot(92).noUscc().build();
        TestPki.Leaf regulator = pki.leaf().keySlot(93).noUscc().build();
        try (DesktopHarness h = new DesktopHarness(home)) {
            h.startServer(admin);
            Clock clock = Clock.systemUTC();
            BusinessClock business = BusinessClock.of(clock);
            DraftStore store = new DraftStore(home, clock);
            Draft q = new DemoSetup(home).demoMine(store, business.today());
            DraftFiling filing = h.filing(store, clock);
            SigningCredential enterprise = h.demoKey();
            Preparation.Ready ready = (Preparation.Ready) filing.prepare(q.id(), q.document(), null);
            filing.sign(q.id(), ready, enterprise, null);
            DraftFiling.Filed filed = filing.submit(q.id(), new SubmissionService(h.uri, Duration.ofSeconds(60), 0,
                    null), null, null);
            assertThat(filed.result()).isInstanceOf(SubmissionResult.Accepted.class);
            String receiptId = filed.receipt().receiptId();
            DraftStatus asFiled = store.status(q.id());
            StatusService status = new StatusService(store, business);

            StatusService.Refreshed before = status.refresh(ServerSession.login(h.uri, enterprise, clock), null);
            assertThat(before.updated()).containsExactly(q.id());
            assertThat(before.returned()).isEmpty();
            assertThat(store.status(q.id())).isEqualTo(asFiled);
            FilingStatus s0 = store.serverStatus(q.id());
            assertThat(s0.status()).isEqualTo(filed.receipt().status().name());
            assertThat(s0.decisions()).isEmpty();
            if (asFiled == DraftStatus.FLAGGED) {
                // a FLAG makes the quarter an abnormal-list candidate
                assertThat(s0.abnormal()).isNotEmpty().allSatisfy(e -> assertThat(e.state()).isEqualTo("CANDIDATE"));
            }

            ServerSession administrator = ServerSession.login(h.uri, admin.credential(), clock);
            Path pem = TestPki.writePem(home.resolve("regulator.pem"), regulator.cert());
            new RegulatorRegistry(administrator).add(Files.readString(pem), "泽州县自然资源局", List.of("140525"));
            ServerSession county = ServerSession.login(h.uri, regulator.credential(), clock);
            ServerSession.expect(county.postJson("/api/v1/submissions/" + receiptId + "/decisions",
                    "{\"decision\":\"RETURN\",\"reason\":\"基金存入凭证不清晰，请重新上传\"}"), 201, "decision");

            StatusService.Refreshed after = status.refresh(ServerSession.login(h.uri, enterprise, clock), null);
            assertThat(after.returned()).containsExactly(q.id());
            assertThat(store.status(q.id())).isEqualTo(DraftStatus.RETURNED);
            FilingStatus s1 = store.serverStatus(q.id());
            assertThat(s1.returnReason()).isEqualTo("基金存入凭证不清晰，请重新上传");
            assertThat(s1.decisions()).singleElement().satisfies(d -> assertThat(d.decision()).isEqualTo("RETURN"));
            assertThat(store.list()).filteredOn(i -> i.id().equals(q.id())).singleElement()
                    .satisfies(i -> assertThat(i.status()).isEqualTo(DraftStatus.RETURNED));

            // a key of another enterprise: the server shows it nothing, and nothing changes here
            SigningCredential other = pki.leaf().keySlot(94).uscc("91140522MA0B1XY30N",
                    TestPki.UsccPlacement.GMT0015_EXTENSION).build().credential();
            StatusService.Refreshed stranger = status.refresh(ServerSession.login(h.uri, other, clock), null);
            assertThat(stranger.notVisible()).containsExactly(q.id());
            assertThat(store.status(q.id())).isEqualTo(DraftStatus.RETURNED);
        }
    }
}
