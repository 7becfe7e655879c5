package org.minedecl.server.trust;

import org.minedecl.shared.signature.CertificateFiles;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.minedecl.server.config.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every PEM (or DER) certificate in the trust directory is a trust anchor; every {@code *.crl} (PEM or DER) a
 * CRL. The folder is re-read when a file in it changes, so adding a CA or a fresh CRL needs no restart.
 */
@Singleton
public class TrustStore {
    private static final Logger LOG = LoggerFactory.getLogger(TrustStore.class);
    private final Path dir;
    private volatile Snapshot snapshot = new Snapshot("", List.of(), List.of());
    /** How often the folder is looked at again for changed files (a listing per upload would cost more). */
    static final long RECHECK_NANOS = 1_000_000_000L;
    private volatile long checkedAt = System.nanoTime() - RECHECK_NANOS;

    /** The anchors and CRLs read at one moment, and the folder state they were read from. */
    public record Snapshot(String fingerprint, List<X509Certificate> anchors, List<X509CRL> crls) {
    }

    public TrustStore(ServerSettings settings) {
        this.dir = settings.trustPath();
        current();
    }

    /** The anchors and CRLs in force: re-read when a file in the folder changed (noticed within a second). */
    public Snapshot current() {
        long now = System.nanoTime();
        if (now - checkedAt < RECHECK_NANOS && !snapshot.fingerprint().isEmpty()) {
            return snapshot;
        }
        checkedAt = now;
        String fp = fingerprint();
        Snapshot s = snapshot;
        if (!s.fingerprint().equals(fp)) {
            synchronized (this) {
                if (!snapshot.fingerprint().equals(fp)) {
                    snapshot = load(fp);
                }
                s = snapshot;
            }
        }
        return s;
    }

    private String fingerprint() {
        TreeMap<String, String> state = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path p : files) {
                    if (Files.isRegularFile(p)) {
                        state.put(p.getFileName().toString(), Files.getLastModifiedTime(p).toMillis() + ":"
                                + Files.size(p));
                    }
                }
            } catch (IOException e) {
                LOG.warn("cannot list the trust directory {}: {}", dir, e.getMessage());
            }
        }
        return state.toString();
    }

    private Snapshot load(String fp) {
        List<X509Certificate> anchors = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                try {
                    if (name.endsWith(".crl")) {
                        crls.addAll(CertificateFiles.crls(List.of(p)));
                    } else if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
                        anchors.addAll(CertificateFiles.certificates(List.of(p)));
                    }
                } catch (Exception e) {
                    LOG.warn("trust directory: skipping {}: {}", p.getFileName(), e.getMessage());
                }
            }
        } catch (Exception e) {
            LOG.warn("cannot read the trust directory {}: {}", dir, e.getMessage());
        }
        LOG.info("trust directory {}: {} trust anchor(s), {} CRL(s)", dir, anchors.size(), crls.size());
        return new Snapshot(fp, List.copyOf(anchors), List.copyOf(crls));
    }
}
