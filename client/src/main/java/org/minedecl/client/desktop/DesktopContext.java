package org.minedecl.client.desktop;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
    /** Business dates are in one zone (CONTRACTS: Asia/Shanghai). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public final Clock clock;
    public final DraftStore store;
    public final DraftAutosaver autosaver;
    public final RuleEngine engine;
    public final DraftChecks checks;
    public final Deadlines deadlines;
    public final AttachmentFiles attachments;
    public final Settings settings;
    public final DraftFiling filing;
    public final URI server;
    public final boolean demo;

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
        this.server = server != null ? server : URI.create(settings.server());
        this.demo = demo;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
