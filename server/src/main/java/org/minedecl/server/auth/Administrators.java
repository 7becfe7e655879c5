package org.minedecl.server.auth;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.minedecl.server.access.CertificateRef;
import org.minedecl.server.config.ServerSettings;
import org.minedecl.shared.signature.CertificateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administrators: every PEM (or DER) certificate in {@code <data dir>/admins/} ({@code MINEDECL_ADMINS_DIR}). The
 * folder is looked at again when a file in it changes (within a second), so removing a file ends that
 * administrator's tokens without a restart.
 */
@Singleton
public class Administrators {
    private static final Logger LOG = LoggerFactory.getLogger(Administrators.class);
    private static final long RECHECK_NANOS = 1_000_000_000L;
    private final Path dir;
    private volatile String state = null;
    private volatile Set<String> fingerprints = Set.of();
    private volatile long checkedAt = System.nanoTime() - RECHECK_NANOS;

    public Administrators(ServerSettings settings) {
        this.dir = settings.adminsPath();
    }

    /** Whether the certificate with this SHA-256 fingerprint is an administrator's now. */
    public boolean contains(String fingerprint) {
        return current().contains(fingerprint);
    }

    private Set<String> current() {
        long now = System.nanoTime();
        if (state != null && now - checkedAt < RECHECK_NANOS) {
            return fingerprints;
        }
        checkedAt = now;
        String fp = listing();
        if (!fp.equals(state)) {
            synchronized (this) {
                if (!fp.equals(state)) {
                    fingerprints = load();
                    state = fp;
                }
            }
        }
        return fingerprints;
    }

    private String listing() {
        TreeMap<String, String> s = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path p : files) {
                    if (Files.isRegularFile(p)) {
                        s.put(p.getFileName().toString(), Files.getLastModifiedTime(p).toMillis() + ":" + Files.size(p));
                    }
                }
            } catch (IOException e) {
                LOG.warn("cannot list the admins directory {}: {}", dir, e.getMessage());
            }
        }
        return s.toString();
    }

    private Set<String> load() {
        Set<String> out = new HashSet<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path p : files) {
                    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (Files.isRegularFile(p) && (name.endsWith(".pem") || name.endsWith(".crt")
                            || name.endsWith(".cer"))) {
                        try {
                            for (X509Certificate c : CertificateFiles.certificates(List.of(p))) {
                                out.add(CertificateRef.fingerprint(c));
                            }
                        } catch (Exception e) {
                            LOG.warn("admins directory: skipping {}: {}", p.getFileName(), e.getMessage());
                        }
                    }
                }
            } catch (IOException e) {
                LOG.warn("cannot read the admins directory {}: {}", dir, e.getMessage());
            }
        }
        LOG.info("admins directory {}: {} administrator certificate(s)", dir, out.size());
        return Set.copyOf(out);
    }
}
