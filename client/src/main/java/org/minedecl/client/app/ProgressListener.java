package org.minedecl.client.app;

import org.minedecl.shared.rules.LocalizedText;

/**
 * Progress of long work (hashing, signing, writing a package, uploading), called on the worker's thread: the CLI
 * prints it, the desktop moves a bar (on the event thread, by its own hand-off). Never a Swing type.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (phase, done, total) -> { };

    /**
     * @param phase {@link #HASHING}, {@link #SIGNING}, {@link #WRITING}, {@link #UPLOADING} or {@code done}
     * @param done  units done in this phase (bytes, or 0/1)
     * @param total units in this phase
     */
    void progress(String phase, long done, long total);

    /**
     * The server is unavailable and the upload will be tried again after {@code waitMillis}.
     *
     * @param nextTry the number of the coming try (2 for the first repeat)
     * @param tries   all tries there will be
     * @param reason  why the last try failed, one line in both languages
     */
    default void retrying(int nextTry, int tries, long waitMillis, LocalizedText reason) {
    }

    String HASHING = "hashing";
    String SIGNING = "signing";
    String WRITING = "writing";
    String UPLOADING = "uploading";
}
