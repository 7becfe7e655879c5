package org.minedecl.client.app.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.demo.DemoSetup;
import org.minedecl.client.app.session.ServerSession;
import org.minedecl.client.app.signing.Preparation;
import org.minedecl.client.app.submission.SubmissionResult;
import org.minedecl.client.app.submission.SubmissionService;
import org.minedecl.client.desktop.DesktopHarness;
import org.minedecl.shared.signature.SigningCredential;

/** The outbox sends again by itself, without a display: backoff while the server is away, once when it is back. */
class OutboxRetryTest {
    @TempDir
    Path home;

    @Test
    void theWaitDoublesFromTheFirstUpToTheLongest() {
        Duration first = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(15);
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 60).stream().map(n -> OutboxRetry.delay(n, first, max)).toList())
                .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                        Duration.ofSeconds(240), Duration.ofSeconds(480), Duration.ofMinutes(15),
                        Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    @Test
    @Tag("server-process")
    void aPackageWaitingWhileTheServerIsAwayIsSentOnceWhenItComesBack() throws Exception {
        try (DesktopHarness h = new DesktopHarness(home)) {
            h.prepareServer(); // not started yet: the upload finds nobody at its port
            Clock clock = Clock.systemUTC();
            BusinessClock business = BusinessClock.of(clock);
            DraftStore store = new DraftStore(home, clock);
            Draft q = new DemoSetup(home).demoMine(store, business.today());
            DraftFiling filing = h.filing(store, clock);
            SigningCredential key = h.demoKey();
            filing.sign(q.id(), (Preparation.Ready) filing.prepare(q.id(), q.document(), null), key, null);
            DraftFiling.Filed f = filing.submit(q.id(), once(h), null, null);
            assertThat(f.result()).isInstanceOf(SubmissionResult.Unavailable.class);
            assertThat(store.status(q.id())).isEqualTo(DraftStatus.OUTBOX);

            List<OutboxRetry.State> states = new CopyOnWriteArrayList<>();
            try (OutboxRetry retry = new OutboxRetry(filing, () -> once(h), business, Duration.ofMillis(500),
                    Duration.ofSeconds(2), states::add)) {
                retry.start();
                waitFor(() -> states.size() >= 3, 30);
                // still away: it keeps trying, each wait longer, never longer than the longest
                assertThat(states).allSatisfy(s -> {
                    assertThat(s.waiting()).isEqualTo(1);
                    assertThat(s.lastProblem()).isInstanceOf(SubmissionResult.Unavailable.class);
                    assertThat(s.nextTry()).isNotNull();
                });
                assertThat(Duration.between(states.get(1).lastTry(), states.get(1).nextTry()))
                        .isGreaterThan(Duration.between(states.get(0).lastTry(), states.get(0).nextTry()));

                h.launchServer();
                waitFor(() -> store.status(q.id()).filed(), 60);
                waitFor(() -> retry.state().waiting() == 0 && retry.state().sent() == 1, 10);
                assertThat(retry.state().nextTry()).isNull();
                assertThat(store.receipt(q.id()).receiptId()).isNotBlank();

                // nudged again with nothing waiting: nothing is sent
                retry.nudge();
                Thread.sleep(500);
                assertThat(retry.state().sent()).isEqualTo(1);
            }
            ServerSession session = ServerSession.login(h.uri, key, clock);
            var list = ServerSession.expect(session.get("/api/v1/submissions"), 200, "list");
            assertThat(list.path("total").asLong()).as("exactly one submission on the server").isEqualTo(1);
            assertThat(filing.outbox().pending()).isEmpty();
        }
    }

    static SubmissionService once(DesktopHarness h) {
        return new SubmissionService(h.uri, Duration.ofSeconds(60), 0, null);
    }

    static void waitFor(BooleanSupplier c, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }
}
