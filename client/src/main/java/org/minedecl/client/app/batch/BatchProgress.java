package org.minedecl.client.app.batch;

import java.nio.file.Path;

/**
 * Overall progress of a batch (signing or submitting a folder), called on the worker's thread; the CLI prints it,
 * the desktop moves a bar. Never a Swing type.
 */
public interface BatchProgress {
    BatchProgress NONE = new BatchProgress() {
    };

    /** Item {@code index} (from 1) of {@code total} starts. */
    default void started(int index, int total, Path item) {
    }

    /** Item {@code index} of {@code total} ended with {@code outcome}. */
    default void finished(int index, int total, Path item, Object outcome) {
    }
}
