package org.minedecl.server.submission;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.minedecl.server.storage.StorageFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: uploads that are checked and receipted queue here, and one writer thread stores whatever has
 * queued meanwhile in one transaction ({@link SubmissionRepository#storeBatch}), each submission under its own
 * savepoint. Every caller waits until the transaction holding its submission has committed, so a receipt is still
 * only ever sent for a submission that is durable; a submission that fails (a lost race, an amendment that is no
 * longer current) fails alone.
 *
 * <p>One commit for several submissions is one disk write on H2 (one chunk of changed pages instead of one per
 * submission) and one WAL flush on PostgreSQL. Under light load a batch is a single submission and nothing waits
 * for company: the writer takes what is there, it never waits for more.
 */
@Singleton
public class GroupCommit {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** Submissions in one transaction at most. */
    static final int MAX_BATCH = 32;
    /** Package bytes in one transaction at most (the first submission is always taken, however large). */
    static final long MAX_BATCH_BYTES = 16L << 20;

    private final SubmissionRepository repository;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;
    /** Transactions and submissions so far, for the DEBUG line every thousand transactions. */
    private long transactions;
    private long submissions;

    private record Pending(SubmissionRepository.NewSubmission submission, CompletableFuture<Void> done) {
    }

    public GroupCommit(SubmissionRepository repository) {
        this.repository = repository;
        this.writer = new Thread(this::writeLoop, "minedecl-group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Stores {@code s} and returns once it is committed; throws {@link SubmissionRepository.StoreConflict} or
     * {@link StorageFailure} when it was not stored.
     */
    public void store(SubmissionRepository.NewSubmission s) {
        if (closed) {
            throw shuttingDown(null);
        }
        Pending p = new Pending(s, new CompletableFuture<>());
        queue.add(p);
        if (closed && !writer.isAlive()) { // raced with close(): nobody will store it
            failLeftovers();
        }
        try {
            p.done().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private void writeLoop() {
        while (!closed || !queue.isEmpty()) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long bytes = first.submission().packageSize();
                for (Pending next; batch.size() < MAX_BATCH && bytes < MAX_BATCH_BYTES
                        && (next = queue.peek()) != null; ) {
                    if (bytes + next.submission().packageSize() > MAX_BATCH_BYTES) {
                        break;
                    }
                    batch.add(queue.poll());
                    bytes += next.submission().packageSize();
                }
                complete(batch, repository.storeBatch(batch.stream().map(Pending::submission).toList()));
                submissions += batch.size();
                if (++transactions % 1000 == 0 && LOG.isDebugEnabled()) {
                    LOG.debug("group commit: {} submissions in {} transactions", submissions, transactions);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(batch, shuttingDown(e));
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("group commit failed: {}", e.toString());
                fail(batch, new StorageFailure(e.toString(), e));
            }
        }
    }

    private static void complete(List<Pending> batch, List<RuntimeException> outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            RuntimeException failure = outcomes.get(i);
            if (failure == null) {
                batch.get(i).done().complete(null);
            } else {
                batch.get(i).done().completeExceptionally(failure);
            }
        }
    }

    private static void fail(List<Pending> batch, RuntimeException failure) {
        batch.forEach(p -> p.done().completeExceptionally(failure));
    }

    /** Stores what has queued, then stops; later calls fail with a storage failure (503). */
    @PreDestroy
    public void close() throws InterruptedException {
        closed = true;
        writer.join(TimeUnit.SECONDS.toMillis(30));
        failLeftovers();
    }

    private static StorageFailure shuttingDown(Throwable cause) {
        return new StorageFailure("the server is shutting down", cause);
    }

    private void failLeftovers() {
        for (Pending p; (p = queue.poll()) != null; ) {
            p.done().completeExceptionally(shuttingDown(null));
        }
    }
}
