package org.minedecl.client.app.drafts;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Saves drafts within a second of every change, off the caller's thread: {@link #changed} takes a snapshot
 * (cheap: a declaration is a few kilobytes) and schedules one write {@link #DELAY_MILLIS} later; changes in
 * between are written together by that one write. A write that fails is reported and tried again with the next
 * change.
 */
public final class DraftAutosaver implements AutoCloseable {
    /** Well inside the contract's one second, while coalescing the keystrokes of a typed word. */
    public static final long DELAY_MILLIS = 250;

    private final DraftStore store;
    private final ScheduledExecutorService writer;
    private final Map<String, DraftDocument> pending = new ConcurrentHashMap<>();
    private final BiConsumer<String, IOException> onFailure;
    private volatile Runnable onSaved = () -> { };

    public DraftAutosaver(DraftStore store, BiConsumer<String, IOException> onFailure) {
        this.store = store;
        this.onFailure = onFailure;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "minedecl-draft-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Called after each save (on the writer thread); the desktop shows "saved". */
    public void onSaved(Runnable r) {
        this.onSaved = r;
    }

    /** The draft {@code id} now reads {@code document}; it is written within {@link #DELAY_MILLIS}. */
    public void changed(String id, DraftDocument document) {
        if (pending.put(id, document.snapshot()) == null) {
            writer.schedule(() -> write(id), DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void write(String id) {
        DraftDocument d = pending.remove(id);
        if (d == null) {
            return;
        }
        try {
            store.save(id, d);
            onSaved.run();
        } catch (IOException e) {
            onFailure.accept(id, e);
        }
    }

    /** Writes everything pending now and waits for it (on exit, before signing). */
    public void flush() {
        try {
            writer.submit(() -> pending.keySet().forEach(this::write)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        flush();
        writer.shutdown();
    }
}
