package org.minedecl.shared.pkg;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.minedecl.shared.signature.CadesSigner;
import org.minedecl.shared.signature.SignatureAlgorithm;
import org.minedecl.shared.signature.SignerException;
import org.minedecl.shared.signature.SigningCredential;

/**
 * Writes a signed {@code .asice} package (CONTRACTS section 3). Every entry is stored, not deflated: DEFLATE has
 * several encodings of the same bytes, so a stored package is one where any changed byte is detected (by a CRC,
 * a digest or the signature). Attachments are streamed twice (hash, then copy), never held in memory, and the two
 * passes overlap: a helper thread hashes attachment n+1 while attachment n is copied and forced to disk. The package
 * is written to a temporary file beside the target and moved into place only when complete, so a failure never
 * leaves an empty or partial package.
 */
public final class PackageWriter {
    private static final int BUFFER = 1 << 16;
    private final Clock clock;

    /** @param clock gives the signing time */
    public PackageWriter(Clock clock) {
        this.clock = clock;
    }

    /** What was written. */
    public record WrittenPackage(Path path, long size, Instant signingTime) {
    }

    /**
     * Signs and writes the package.
     *
     * @param declarationJson exactly the bytes to sign as {@code declaration.json}
     * @param attachments     files to carry as {@code attachments/<name>}
     * @param algorithm       the signature algorithm, or null to choose by the key ({@link SignatureAlgorithm#forKey})
     */
    public WrittenPackage write(byte[] declarationJson, List<PackageAttachment> attachments,
            SigningCredential credential, SignatureAlgorithm algorithm, Path out, PackageProgressListener listener)
            throws IOException, SignerException {
        return write(SignedDocument.DECLARATION, declarationJson, attachments, credential, algorithm, out, listener);
    }

    /**
     * Signs and writes a package whose signed document is {@code document} (a delegation package carries
     * {@code delegation.json} and no attachments).
     */
    public WrittenPackage write(SignedDocument document, byte[] declarationJson, List<PackageAttachment> attachments,
            SigningCredential credential, SignatureAlgorithm algorithm, Path out, PackageProgressListener listener)
            throws IOException, SignerException {
        if (document == SignedDocument.DELEGATION && !attachments.isEmpty()) {
            throw new IllegalArgumentException("a delegation package carries no attachments");
        }
        PackageProgressListener progress = listener == null ? PackageProgressListener.NONE : listener;
        SignatureAlgorithm alg = algorithm != null ? algorithm
                : SignatureAlgorithm.forKey(credential.certificate().getPublicKey(), false);
        Set<String> seen = new HashSet<>();
        for (PackageAttachment a : attachments) {
            if (!seen.add(a.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("attachment named twice: " + a.name());
            }
        }
        long total = 0;
        for (PackageAttachment a : attachments) {
            total += Files.size(a.file());
        }
        final long totalBytes = total;
        // The entry times and the signature carry one signing time, taken before the work starts.
        Instant signingTime = clock.instant();
        long time = signingTime.toEpochMilli();
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".part");
        // Pass 1 (digests for the manifest, CRCs for the stored entries) runs on a helper thread, file by file;
        // this thread copies each attachment into the ZIP as soon as its CRC is known, and a third forces what is
        // written to disk meanwhile. So hashing, copying and the disk's writing overlap instead of adding up.
        ExecutorService hasher = Executors.newSingleThreadExecutor(daemon("minedecl-package-hash"));
        ExecutorService forcer = Executors.newSingleThreadExecutor(daemon("minedecl-package-force"));
        AtomicBoolean abandoned = new AtomicBoolean();
        AtomicLong hashed = new AtomicLong();
        List<Future<Hashed>> digests = new ArrayList<>();
        for (PackageAttachment a : attachments) {
            digests.add(hasher.submit(() -> hash(a, abandoned, hashed, totalBytes, progress)));
        }
        hasher.shutdown();
        boolean ok = false;
        try {
            byte[] manifest;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream raw = java.nio.channels.Channels.newOutputStream(ch);
                 ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(raw, BUFFER),
                         StandardCharsets.UTF_8)) {
                storeBytes(zip, PackageLayout.MIMETYPE, PackageLayout.MIMETYPE_CONTENT.getBytes(StandardCharsets.US_ASCII),
                        time);
                storeBytes(zip, document.entry(), declarationJson, time);
                List<ManifestXml.Reference> refs = new ArrayList<>();
                refs.add(new ManifestXml.Reference(document.entry(), "application/json",
                        sha256(declarationJson)));
                List<Future<?>> forced = new ArrayList<>();
                for (int i = 0; i < attachments.size(); i++) {
                    PackageAttachment a = attachments.get(i);
                    Hashed h = await(digests.get(i));
                    refs.add(new ManifestXml.Reference(a.packagePath(), ManifestXml.mimeTypeOf(a.name()), h.sha256()));
                    copy(zip, a, h, time);
                    zip.flush();
                    forced.add(forcer.submit(() -> {
                        ch.force(false);
                        return null;
                    }));
                }
                manifest = ManifestXml.write(refs);
                progress.progress("signing", 0, 1);
                byte[] signature = CadesSigner.sign(manifest, credential, alg, signingTime);
                progress.progress("signing", 1, 1);
                progress.progress("writing", totalBytes, totalBytes);
                storeBytes(zip, PackageLayout.MANIFEST, manifest, time);
                storeBytes(zip, PackageLayout.SIGNATURE, signature, time);
                zip.finish();
                zip.flush();
                for (Future<?> f : forced) {
                    await(f);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            ok = true;
            progress.progress("done", totalBytes, totalBytes);
            return new WrittenPackage(target, Files.size(target), signingTime);
        } finally {
            abandoned.set(true);
            hasher.shutdownNow();
            forcer.shutdown();
            if (!ok) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** An attachment's SHA-256 (for the manifest), CRC-32 and size (for its stored entry). */
    private record Hashed(byte[] sha256, long crc, long size) {
    }

    private static Hashed hash(PackageAttachment a, AtomicBoolean abandoned, AtomicLong done, long total,
                               PackageProgressListener progress) throws IOException {
        MessageDigest md = sha256();
        CRC32 crc = new CRC32();
        long size = 0;
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(a.file())) {
            int n;
            while (!abandoned.get() && (n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
                crc.update(buf, 0, n);
                size += n;
                progress.progress("hashing", done.addAndGet(n), total);
            }
        }
        return new Hashed(md.digest(), crc.getValue(), size);
    }

    /** Copies an attachment into a stored entry, checking that it still has the CRC and size it was hashed with. */
    private static void copy(ZipOutputStream zip, PackageAttachment a, Hashed h, long time) throws IOException {
        ZipEntry e = new ZipEntry(a.packagePath());
        e.setMethod(ZipEntry.STORED);
        e.setCrc(h.crc());
        e.setSize(h.size());
        e.setCompressedSize(h.size());
        e.setTime(time);
        zip.putNextEntry(e);
        CRC32 crc = new CRC32();
        long size = 0;
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(a.file())) {
            int n;
            while ((n = in.read(buf)) > 0 && size + n <= h.size()) {
                zip.write(buf, 0, n);
                crc.update(buf, 0, n);
                size += n;
            }
            if (n > 0) {
                size += n;
            }
        }
        if (crc.getValue() != h.crc() || size != h.size()) {
            throw new IOException("attachment changed while the package was written: " + a.file());
        }
        zip.closeEntry();
    }

    private static <T> T await(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the package was written");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(c);
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static void storeBytes(ZipOutputStream zip, String name, byte[] bytes, long time) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        e.setSize(bytes.length);
        e.setCompressedSize(bytes.length);
        e.setTime(time);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    static byte[] sha256(byte[] b) {
        return sha256().digest(b);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
