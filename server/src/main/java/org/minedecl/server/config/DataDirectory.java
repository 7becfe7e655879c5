package org.minedecl.server.config;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory: created on first start; uploads are spooled to files created in {@code tmp/} and unlinked
 * there at once (see {@code UploadSpooler}). One that a crash left between the two is deleted at start-up, so
 * nothing half-received outlives a restart.
 */
@Singleton
public class DataDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private final Path root;
    private final Path tmp;

    public DataDirectory(ServerSettings settings) {
        this.root = settings.dataPath();
        this.tmp = root.resolve("tmp");
        try {
            Files.createDirectories(tmp);
            Files.createDirectories(settings.trustPath());
            int removed = 0;
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(tmp, "upload-*")) {
                for (Path p : leftovers) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
            if (removed > 0) {
                LOG.info("removed {} unfinished upload(s) left in {}", removed, tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** Where uploads are spooled while they are verified. */
    public Path tmp() {
        return tmp;
    }
}
