package org.minedecl.client.app.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.minedecl.client.app.Cancellation;
import org.minedecl.client.app.ProgressListener;
import org.minedecl.client.app.receipts.ReceiptStore;
import org.minedecl.client.app.submission.SubmissionResult;
import org.minedecl.client.app.submission.SubmissionService;

/**
 * {@code minedecl batch submit DIR}: uploads every {@code *.asice} package of a folder that has no receipt yet,
 * through the one {@link SubmissionService}, and keeps each receipt beside its package
 * ({@link ReceiptStore#besidePackage}). Run again after an interruption, it sends only what has no receipt: uploads
 * are idempotent, so a package the server got but whose receipt was lost gets that first receipt again.
 * A server that stays unavailable stops the batch: what is left waits for the next run.
 */
public final class BatchSubmitter {
    private final SubmissionService service;

    public BatchSubmitter(SubmissionService service) {
        this.service = service;
    }

    /** One package: its receipt file when it has one, else the server's answer. */
    public record Item(Path pkg, Path receipt, SubmissionResult result, boolean hadReceipt) {
        public boolean waiting() {
            return receipt == null && !(result instanceof SubmissionResult.Refused);
        }
    }

    /** In folder order. */
    public record Summary(List<Item> items) {
        /** Packages with a receipt (now or from an earlier run). */
        public long receipts() {
            return items.stream().filter(i -> i.receipt() != null).count();
        }

        public long refused() {
            return items.stream().filter(i -> i.result() instanceof SubmissionResult.Refused).count();
        }

        /** Packages still to send: the server was unavailable, the batch was cancelled, or never reached them. */
        public long waiting() {
            return items.stream().filter(Item::waiting).count();
        }
    }

    public Summary submit(Path dir, ProgressListener upload, Cancellation cancel, BatchProgress progress)
            throws IOException {
        List<Path> packages = BatchFolder.files(dir, ".asice");
        Cancellation c = cancel == null ? Cancellation.NEVER : cancel;
        BatchProgress p = progress == null ? BatchProgress.NONE : progress;
        List<Item> items = new ArrayList<>();
        boolean stop = false;
        for (int i = 0; i < packages.size(); i++) {
            Path pkg = packages.get(i);
            Path receipt = ReceiptStore.besidePackage(pkg);
            if (Files.exists(receipt)) {
                items.add(new Item(pkg, receipt, null, true));
                continue;
            }
            if (stop || c.isCancelled()) {
                items.add(new Item(pkg, null, null, false));
                continue;
            }
            p.started(i + 1, packages.size(), pkg);
            SubmissionResult r = service.submit(pkg, upload, c);
            Item item;
            if (r instanceof SubmissionResult.Accepted a) {
                item = new Item(pkg, ReceiptStore.store(receipt, a.signedReceipt()), r, false);
            } else {
                item = new Item(pkg, null, r, false);
                stop = r instanceof SubmissionResult.Unavailable || r instanceof SubmissionResult.Cancelled;
            }
            items.add(item);
            p.finished(i + 1, packages.size(), pkg, r);
        }
        return new Summary(items);
    }
}
