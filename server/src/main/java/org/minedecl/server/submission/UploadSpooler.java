package org.minedecl.server.submission;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.minedecl.server.config.DataDirectory;
import org.minedecl.server.config.ServerSettings;
import org.minedecl.server.problem.Problem;

/**
 * Streams a request body into {@code <data dir>/tmp/upload-*.asice}, hashing as it goes, in 64 KiB steps:
 * heap use does not depend on the upload's size. Past the limit it stops reading, deletes the file and
 * answers 413, whatever the Content-Length claimed (or when there was none).
 */
@Singleton
public class UploadSpooler {
    private final Path tmp;
    private final long limit;

    public UploadSpooler(DataDirectory dataDirectory, ServerSettings settings) {
        this.tmp = dataDirectory.tmp();
        this.limit = settings.maxUploadBytes();
    }

    /** A spooled upload; closing it deletes the temp file. */
    public record Spooled(Path file, String sha256, long size) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public long limit() {
        return limit;
    }

    public Spooled spool(InputStream body) {
        Path file = tmp.resolve("upload-" + UUID.randomUUID() + ".asice");
        boolean done = false;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long total = 0;
            byte[] buf = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                while (true) {
                    int n = read(body, buf);
                    if (n <= 0) {
                        break;
                    }
                    total += n;
                    if (total > limit) {
                        throw tooLarge();
                    }
                    sha.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            } catch (IOException diskProblem) {
                // our own disk (full, unwritable): nothing is kept, the client may retry (SECURITY-TESTS D3)
                throw Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "STORAGE_UNAVAILABLE",
                        "the server cannot store uploads right now; nothing was kept, try again later").exception();
            }
            if (total == 0) {
                throw Problem.of(HttpStatus.BAD_REQUEST, "PACKAGE_INVALID", "the request body is empty")
                        .exception();
            }
            done = true;
            return new Spooled(file, HexFormat.of().formatHex(sha.digest()), total);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the start-up sweep of tmp/ removes it
                }
            }
        }
    }

    /** Reads from the client; a broken or over-long body is the client's problem (400 or 413), not ours. */
    private int read(InputStream body, byte[] buf) {
        try {
            return body.read(buf);
        } catch (IOException e) {
            if (isSizeError(e)) {
                throw tooLarge();
            }
            throw Problem.of(HttpStatus.BAD_REQUEST, "UPLOAD_INCOMPLETE",
                    "the upload could not be read to its end").exception();
        }
    }

    private RuntimeException tooLarge() {
        return Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "the package is larger than the limit of " + limit + " bytes").exception();
    }

    private static boolean isSizeError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.micronaut.http.exceptions.ContentLengthExceededException) {
                return true;
            }
        }
        return false;
    }
}
