package org.minedecl.client.desktop;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.drafts.AttachmentFiles;
import org.minedecl.client.app.drafts.DraftFiling;
import org.minedecl.client.app.signing.SigningService;
import org.minedecl.client.app.submission.Outbox;
import org.minedecl.client.app.drafts.Deadlines;
import org.minedecl.client.app.drafts.DraftAutosaver;
import org.minedecl.client.app.drafts.DraftChecks;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.shared.rules.RuleEngine;

/** The services one desktop window uses, made once at start (and replaced by tests). */
public final class DesktopContext {
    public final Clock clock;
    public final DraftStore store;
    public final DraftAutosaver autosaver;
    public final RuleEngine engine;
    public final DraftChecks checks;
    public final Deadlines deadlines;
    public final AttachmentFiles attachments;
    public final Settings settings;
    public final DraftFiling filing;
    public final org.minedecl.client.app.drafts.Quarters quarters;
    public final URI server;
    public final boolean demo;
    public final org.minedecl.client.app.status.StatusService status;
    /** The certificate-login session of this run, once there is one (the status refresh uses it again). */
    public volatile org.minedecl.client.app.session.ServerSession session;
    /** Sends the outbox again by itself (every 30 s, doubling to 15 min while the server is away). */
    public final org.minedecl.client.app.drafts.OutboxRetry retry;
    private volatile java.util.function.Consumer<org.minedecl.client.app.drafts.OutboxRetry.State> outboxListener =
            s -> { };

    public DesktopContext(java.nio.file.Path home, Clock clock, URI server, boolean demo) {
        this.clock = clock;
        this.store = new DraftStore(home, clock);
        this.settings = new Settings(home);
        this.autosaver = new DraftAutosaver(store, (id, e) -> Diagnostics.record(Texts.get("saveFailed", id), e));
        this.engine = RuleEngine.standard();
        this.checks = new DraftChecks(engine);
        this.deadlines = new Deadlines(engine);
        this.attachments = new AttachmentFiles(store);
        this.filing = new DraftFiling(store, SigningService.standard(BusinessClock.of(clock)),
                new Outbox(home.resolve("outbox"), BusinessClock.of(clock)));
        this.quarters = new org.minedecl.client.app.drafts.Quarters(store);
        this.server = server != null ? server : URI.create(settings.server());
        this.demo = demo;
        this.status = new org.minedecl.client.app.status.StatusService(store, BusinessClock.of(clock));
        // no retries inside one try: the retry's own backoff waits between them
        this.retry = new org.minedecl.client.app.drafts.OutboxRetry(filing,
                () -> new org.minedecl.client.app.submission.SubmissionService(this.server,
                        java.time.Duration.ofSeconds(300), 0, null), BusinessClock.of(clock),
                java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(15), s -> outboxListener.accept(s));
    }

    /** Who hears of the outbox's tries (the window's status line); called on the retry's thread. */
    public void onOutbox(java.util.function.Consumer<org.minedecl.client.app.drafts.OutboxRetry.State> listener) {
        this.outboxListener = listener;
    }

    public LocalDate today() {
        return BusinessClock.of(clock).today();
    }
}
