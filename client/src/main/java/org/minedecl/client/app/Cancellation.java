package org.minedecl.client.app;

/**
 * A request to stop long work (an upload, the retries' waits) from another thread: the desktop's "cancel"
 * button calls {@link #cancel()}, the service looks at {@link #isCancelled()} between pieces of work.
 */
public final class Cancellation {
    /** For callers that never cancel. */
    public static final Cancellation NEVER = new Cancellation();

    private volatile boolean cancelled;

    public void cancel() {
        if (this != NEVER) {
            cancelled = true;
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
