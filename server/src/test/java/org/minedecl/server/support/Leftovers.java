package org.minedecl.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What uploads have left on disk: files in the data directory's {@code tmp/}, and the bytes in the unlinked spool
 * files this process holds open there (read from {@code /proc/self/fd}; an idle spool file must be empty). For
 * "nothing was kept" assertions; where there is no {@code /proc} only the files are counted.
 */
public record Leftovers(long tmpFiles, long spooledBytes) {
    public static final Leftovers NONE = new Leftovers(0, 0);

    public static Leftovers of(Path dataDir) throws IOException {
        Path tmp = dataDir.resolve("tmp").toAbsolutePath().normalize();
        long files;
        try (Stream<Path> s = Files.list(tmp)) {
            files = s.count();
        }
        long bytes = 0;
        Path fds = Path.of("/proc/self/fd");
        if (Files.isDirectory(fds)) {
            try (Stream<Path> s = Files.list(fds)) {
                for (Path fd : s.toList()) {
                    bytes += spooledBytes(fd, tmp);
                }
            }
        }
        return new Leftovers(files, bytes);
    }

    /** The size of the file behind {@code fd} when it is an unlinked file of {@code tmp}, else 0. */
    private static long spooledBytes(Path fd, Path tmp) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith(tmp + "/") && target.endsWith(" (deleted)")) {
                return Files.size(fd);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // closed meanwhile (the listing's own descriptor, or another thread's file): not a spool file
        }
        return 0;
    }
}
