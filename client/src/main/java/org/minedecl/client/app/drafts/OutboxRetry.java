package org.minedecl.client.app.drafts;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.Cancellation;
import org.minedecl.client.app.ProgressListener;
import org.minedecl.client.app.submission.SubmissionResult;
import org.minedecl.client.app.submission.SubmissionService;

/**
 * Sends the outbox again by itself: on start, and while packages wait, again after {@code first}, then twice as
 * long each time the server is still unavailable, at most {@code max} apart; {@link #nudge()} (a package just
 * entered the outbox) tries at once. Sending again never files twice: the outbox names each package by its
 * SHA-256, sends one try at a time, and the server answers the same package with its first receipt. Each try
 * ends with a {@link State} for the window's status line. No Swing.
 */
public final class OutboxRetry implements AutoCloseable {
    private final DraftFiling filing;
    private final Supplier<SubmissionService> service;
    private final BusinessClock clock;
    private final Duration first;
    private final Duration max;
    private final Consumer<State> listener;
    private final ScheduledExecutorService timer;
    private final Cancellation cancel = new Cancellation();
    private ScheduledFuture<?> next;
    private int failures;
    private volatile State state = new State(0, null, null, null, 0);

    /**
     * Where the outbox stands after a try.
     *
     * @param waiting   packages still waiting
     * @param lastTry   when it last tried (null: not yet)
     * @param lastProblem why the last try did not send everything (the server's or the network's line), or null
     * @param nextTry   when it tries again (null: nothing waits)
     * @param sent      packages it has sent since start
     */
    public record State(int waiting, Instant lastTry, SubmissionResult lastProblem, Instant nextTry, int sent) {
    }

    /**
     * @param service  the uploads' service, made for each try (the server setting may change); it should not
     *                 retry by itself, this does
     * @param listener told after each try, on this object's thread
     */
    public OutboxRetry(DraftFiling filing, Supplier<SubmissionService> service, BusinessClock clock, Duration first,
                       Duration max, Consumer<State> listener) {
        this.filing = filing;
        this.service = service;
        this.clock = clock;
        this.first = first;
        this.max = max;
        this.listener = listener;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "minedecl-outbox-retry");
            t.setDaemon(true);
            return t;
        });
    }

    /** The wait after {@code failures} tries in a row that found the server unavailable (1: {@code first}). */
    public static Duration delay(int failures, Duration first, Duration max) {
        Duration d = first.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return d.compareTo(max) > 0 ? max : d;
    }

    /** Tries now (on start); then by itself while packages wait. */
    public void start() {
        nudge();
    }

    /** Tries now, e.g. after a package entered the outbox; a try already planned is replaced. */
    public synchronized void nudge() {
        if (timer.isShutdown()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        failures = 0;
        next = timer.schedule(this::tryOnce, 0, TimeUnit.MILLISECONDS);
    }

    public State state() {
        return state;
    }

    private void tryOnce() {
        int sentNow = 0;
        SubmissionResult problem = null;
        int waiting;
        try {
            if (filing.outbox().pending().isEmpty()) {
                publish(new State(0, state.lastTry(), null, null, state.sent()));
                return;
            }
            List<DraftFiling.Filed> tried = filing.sendOutbox(service.get(), ProgressListener.NONE, cancel);
            for (DraftFiling.Filed f : tried) {
                if (f.result() instanceof SubmissionResult.Accepted) {
                    sentNow++;
                } else {
                    problem = f.result();
                }
            }
            waiting = filing.outbox().pending().size();
        } catch (IOException | RuntimeException e) {
            problem = new SubmissionResult.Unavailable(service.get().server().toString(), 0, "OUTBOX_UNREADABLE",
                    String.valueOf(e.getMessage()), 1);
            waiting = -1;
        }
        Instant now = clock.now();
        Instant nextTry = null;
        synchronized (this) {
            if (waiting != 0 && !timer.isShutdown()) {
                failures = sentNow > 0 ? 1 : failures + 1;
                Duration d = delay(failures, first, max);
                nextTry = now.plus(d);
                next = timer.schedule(this::tryOnce, d.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                failures = 0;
            }
        }
        publish(new State(Math.max(waiting, 0), now, problem, nextTry, state.sent() + sentNow));
    }

    private void publish(State s) {
        state = s;
        listener.accept(s);
    }

    @Override
    public void close() {
        cancel.cancel();
        timer.shutdownNow();
    }
}
