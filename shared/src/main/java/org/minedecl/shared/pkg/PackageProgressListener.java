package org.minedecl.shared.pkg;

/** Progress of writing a package; the CLI prints it, the desktop shows a bar. Called on the writer's thread. */
@FunctionalInterface
public interface PackageProgressListener {
    PackageProgressListener NONE = (phase, done, total) -> { };

    /**
     * @param phase {@code hashing}, {@code signing}, {@code writing} or {@code done}
     * @param done  bytes done in this phase
     * @param total bytes in this phase
     */
    void progress(String phase, long done, long total);
}
