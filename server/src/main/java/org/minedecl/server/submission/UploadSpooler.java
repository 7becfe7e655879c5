package org.minedecl.server.submission;

import io.micronaut.http.HttpStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.minedecl.server.config.DataDirectory;
import org.minedecl.server.config.HttpLimits;
import org.minedecl.server.config.ServerSettings;
import org.minedecl.server.util.Causes;
import org.minedecl.server.problem.Problem;

/**
 * Streams a request body into a temp file under {@code <data dir>/tmp}, hashing as it goes, in 64 KiB steps:
 * heap use does not depend on the upload's size. Past the limit it stops reading, empties the file and answers
 * 413, whatever the Content-Length claimed (or when there was none).
 *
 * <p>Each temp file is created as {@code tmp/upload-*.asice} and unlinked at once, while open: its bytes are
 * reachable only through the open file, so no upload can be left behind in {@code tmp/}, not even by a killed
 * process (the file system frees an unlinked file when its last descriptor closes). After an upload the file is
 * emptied (its disk space returned) and kept open for the next one, up to {@link #MAX_IDLE} of them: creating a
 * file per upload costs more than all the rest of spooling it (on ext4 without a journal, every new inode is
 * searched for past all the inodes freed in the last half minute - at hundreds of uploads a second, thousands).
 *
 * <p>At most {@link HttpLimits#concurrentUploads()} uploads hold a spool file at once, from their first byte until
 * their answer; more wait {@link HttpLimits#uploadQueueWait()} for a place, then get 503 {@code SERVER_BUSY}. An
 * upload averaging less than {@link HttpLimits#minUploadRate()} bytes a second once
 * {@link HttpLimits#minUploadRateAfter()} has passed is cut off with 408 {@code UPLOAD_TOO_SLOW}: a slow client
 * holds its place, its thread and its files that long only.
 */
@Singleton
public class UploadSpooler implements AutoCloseable {
    /** Emptied spool files kept open for reuse, at most. */
    static final int MAX_IDLE = 64;
    private final Path tmp;
    private final long limit;
    private final BlockingQueue<FileChannel> idle = new ArrayBlockingQueue<>(MAX_IDLE);
    private final HttpLimits limits;
    private final Semaphore places;
    private final Set<Receiving> receiving = ConcurrentHashMap.newKeySet();

    public UploadSpooler(DataDirectory dataDirectory, ServerSettings settings, HttpLimits limits) {
        this.tmp = dataDirectory.tmp();
        this.limit = settings.maxUploadBytes();
        this.limits = limits;
        this.places = new Semaphore(Math.max(1, limits.concurrentUploads()), true);
    }

    /**
     * A spooled upload: the package is all of {@link #channel()}, from offset 0 (read it with positional reads).
     * Closing it empties the file and hands it back for the next upload.
     */
    public final class Spooled implements AutoCloseable {
        private final FileChannel channel;
        private final String sha256;
        private final long size;
        private final AtomicBoolean released = new AtomicBoolean();

        private Spooled(FileChannel channel, String sha256, long size) {
            this.channel = channel;
            this.sha256 = sha256;
            this.size = size;
        }

        public FileChannel channel() {
            return channel;
        }

        public String sha256() {
            return sha256;
        }

        public long size() {
            return size;
        }

        /** Hands the file back once; closing again does nothing (a file handed back twice would be shared). */
        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                release(channel);
                places.release();
            }
        }
    }

    public long limit() {
        return limit;
    }

    /** Uploads holding a place now (receiving, or checked and stored). */
    public int active() {
        return Math.max(1, limits.concurrentUploads()) - places.availablePermits();
    }

    /**
     * Waits for a place (503 {@code SERVER_BUSY} after {@link HttpLimits#uploadQueueWait()}), then spools the body;
     * the place is handed back when the {@link Spooled} is closed, or at once when spooling fails.
     */
    public Spooled spool(InputStream body) {
        try {
            if (!places.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                makeRoom();
                if (!places.tryAcquire(limits.uploadQueueWait().toNanos(), TimeUnit.NANOSECONDS)) {
                    throw busy();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        Receiving me = new Receiving();
        receiving.add(me);
        try {
            return spool(body, me);
        } finally {
            receiving.remove(me);
        }
    }

    /** An upload receiving its body: how far it is, and whether it must give its place up. */
    private static final class Receiving {
        final long start = System.nanoTime();
        volatile long bytes;
        volatile boolean yield;
    }

    /**
     * An upload waits for a place: the slowest receiving upload that has run a second and averages less than
     * {@link HttpLimits#yieldBelowRate()} is told to give its place up (at its next read). A silent one is closed by
     * the read-idle timeout; this is for those trickling bytes.
     */
    private void makeRoom() {
        if (limits.yieldBelowRate() <= 0) {
            return;
        }
        long now = System.nanoTime();
        Receiving slowest = null;
        double slowestRate = limits.yieldBelowRate();
        for (Receiving r : receiving) {
            double seconds = (now - r.start) / 1e9;
            if (!r.yield && seconds >= 1) {
                double rate = r.bytes / seconds;
                if (rate < slowestRate) {
                    slowest = r;
                    slowestRate = rate;
                }
            }
        }
        if (slowest != null) {
            slowest.yield = true;
        }
    }

    private Spooled spool(InputStream body, Receiving me) {
        FileChannel ch;
        try {
            ch = take();
        } catch (IOException diskProblem) {
            places.release();
            throw storageUnavailable();
        }
        boolean done = false;
        long start = System.nanoTime();
        long graceNanos = limits.minUploadRateAfter().toNanos();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long total = 0;
            byte[] buf = new byte[64 * 1024];
            ByteBuffer wrap = ByteBuffer.wrap(buf);
            while (true) {
                int n = read(body, buf);
                if (n <= 0) {
                    break;
                }
                total += n;
                if (total > limit) {
                    throw tooLarge();
                }
                me.bytes = total;
                long elapsed = System.nanoTime() - start;
                if (elapsed > graceNanos && total < limits.minUploadRate() * (elapsed / 1e9)) {
                    throw tooSlow();
                }
                if (me.yield) {
                    throw yielded();
                }
                sha.update(buf, 0, n);
                wrap.clear().limit(n);
                try {
                    while (wrap.hasRemaining()) {
                        ch.write(wrap, total - n + wrap.position());
                    }
                } catch (IOException diskProblem) {
                    // our own disk (full, failing): nothing is kept, the client may retry (SECURITY-TESTS D3)
                    throw storageUnavailable();
                }
            }
            if (total == 0) {
                throw Problem.of(HttpStatus.BAD_REQUEST, "PACKAGE_INVALID", "the request body is empty")
                        .exception();
            }
            done = true;
            return new Spooled(ch, HexFormat.of().formatHex(sha.digest()), total);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (!done) {
                release(ch);
                places.release();
            }
        }
    }

    /** An emptied spool file, or a new one: created under tmp/ and unlinked at once. */
    private FileChannel take() throws IOException {
        for (FileChannel ch; (ch = idle.poll()) != null; ) {
            if (ch.isOpen()) {
                return ch;
            }
        }
        Path file = tmp.resolve("upload-" + UUID.randomUUID() + ".asice");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            Files.delete(file);
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(file);
            throw e;
        }
        return ch;
    }

    /** Empties a spool file (nothing of the upload stays on disk) and keeps it for the next upload, or closes it. */
    private void release(FileChannel ch) {
        try {
            ch.truncate(0);
            if (idle.offer(ch)) {
                return;
            }
        } catch (IOException | RuntimeException e) {
            // a spool file that cannot be emptied is not reused; closing it frees it
        }
        closeQuietly(ch);
    }

    /** Closes the idle spool files (at shutdown; uploads after it create new ones). */
    @PreDestroy
    @Override
    public void close() {
        FileChannel ch;
        while ((ch = idle.poll()) != null) {
            closeQuietly(ch);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing is left: the file was unlinked when it was created
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

    private static RuntimeException storageUnavailable() {
        return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "STORAGE_UNAVAILABLE",
                "the server cannot store uploads right now; nothing was kept, try again later").exception();
    }

    private RuntimeException busy() {
        return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "SERVER_BUSY", "the server is receiving "
                + limits.concurrentUploads() + " uploads already; nothing was kept, try again shortly").exception();
    }

    private RuntimeException yielded() {
        return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "SERVER_BUSY", "other uploads needed this upload's place "
                + "and it arrived slower than " + limits.yieldBelowRate() + " bytes a second; nothing was kept, "
                + "try again shortly").exception();
    }

    private RuntimeException tooSlow() {
        return Problem.of(HttpStatus.REQUEST_TIMEOUT, "UPLOAD_TOO_SLOW", "the upload arrived slower than "
                + limits.minUploadRate() + " bytes a second; nothing was kept").exception();
    }

    /** The 413 for a package over the limit, whether its Content-Length said so or its body did. */
    RuntimeException tooLarge() {
        return Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "the package is larger than the limit of " + limit + " bytes").exception();
    }

    private static boolean isSizeError(Throwable e) {
        return Causes.any(e, t -> t instanceof io.micronaut.http.exceptions.ContentLengthExceededException);
    }
}
