package org.minedecl.server.config;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory: created on first start for the server's user alone (0700; its files 0600), and checked at
 * every start and once the server is up (when the database files exist): whatever group or other users may read,
 * write or enter in it is restricted to the owner, with a warning naming each path; a data directory the server's
 * user cannot restrict (owned by another user) stops the start. It holds every enterprise's filings.
 *
 * <p>Uploads are spooled uploads are spooled to files created in {@code tmp/} and unlinked
 * there at once (see {@code UploadSpooler}). One that a crash left between the two is deleted at start-up, so
 * nothing half-received outlives a restart.
 */
@Singleton
public class DataDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER = DIRECTORY;
    private final Path root;
    private final Path tmp;

    public DataDirectory(ServerSettings settings) {
        this.root = settings.dataPath();
        this.tmp = root.resolve("tmp");
        try {
            if (!Files.exists(root)) {
                Files.createDirectories(root.getParent());
                createPrivateDirectory(root);
            }
            createPrivateDirectory(root.resolve("db"));
            createPrivateDirectory(tmp);
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
            restrict(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + root, e);
        }
    }

    /** The restriction once the server is up: H2 has created its files by then (with the process's umask). */
    @EventListener
    void onStartup(StartupEvent event) {
        restrict(root);
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectory(dir);
            }
        }
    }

    /**
     * Restricts the data directory and everything in it (not following links) to the owner: 0700 for directories,
     * 0600 for files; logs each path that was open to others. Fails when the data directory itself cannot be
     * restricted.
     */
    static int restrict(Path root) {
        if (Files.getFileAttributeView(root, PosixFileAttributeView.class) == null) {
            return 0;
        }
        int fixed = 0;
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.forEach(paths::add);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot check the permissions in the data directory {}: {}", root, e.toString());
        }
        for (Path p : paths) {
            try {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Set<PosixFilePermission> now = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                Set<PosixFilePermission> wanted = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? DIRECTORY : FILE;
                if (now.stream().anyMatch(x -> !OWNER.contains(x))) {
                    Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
                    owner.addAll(now);
                    owner.retainAll(OWNER);
                    if (wanted == DIRECTORY) {
                        owner.addAll(DIRECTORY);
                    }
                    Files.setPosixFilePermissions(p, owner);
                    LOG.warn("{} was {}: other local users could use it; now {} (the data directory is for the "
                            + "server's user alone)", p, PosixFilePermissions.toString(now),
                            PosixFilePermissions.toString(owner));
                    fixed++;
                }
            } catch (UnsupportedOperationException notPosix) {
                return fixed;
            } catch (IOException | SecurityException e) {
                if (p.equals(root)) {
                    throw new IllegalStateException("the data directory " + root + " is open to other local users "
                            + "and cannot be restricted to the server's user (" + e + "); make it the server user's "
                            + "with mode 0700", e);
                }
                LOG.warn("cannot restrict {} to the server's user: {}", p, e.toString());
            }
        }
        return fixed;
    }

    public Path root() {
        return root;
    }

    /** Where uploads are spooled while they are verified. */
    public Path tmp() {
        return tmp;
    }
}
