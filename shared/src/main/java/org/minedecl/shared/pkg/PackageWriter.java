package org.minedecl.shared.pkg;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * a digest or the signature). Attachments are streamed twice (hash, then copy)
 * and never held in memory; the package is written to a temporary file beside the target and moved into place
 * only when complete, so a failure never leaves an empty or partial package.
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
        // pass 1: digests (for the manifest) and CRCs (for stored entries)
        List<ManifestXml.Reference> refs = new ArrayList<>();
        refs.add(new ManifestXml.Reference(document.entry(), "application/json", sha256(declarationJson)));
        List<long[]> crcAndSize = new ArrayList<>();
        long done = 0;
        for (PackageAttachment a : attachments) {
            MessageDigest md = sha256();
            CRC32 crc = new CRC32();
            long size = 0;
            byte[] buf = new byte[BUFFER];
            try (InputStream in = Files.newInputStream(a.file())) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                    crc.update(buf, 0, n);
                    size += n;
                    done += n;
                    progress.progress("hashing", done, total);
                }
            }
            refs.add(new ManifestXml.Reference(a.packagePath(), ManifestXml.mimeTypeOf(a.name()), md.digest()));
            crcAndSize.add(new long[] {crc.getValue(), size});
        }
        byte[] manifest = ManifestXml.write(refs);
        Instant signingTime = clock.instant();
        progress.progress("signing", 0, 1);
        byte[] signature = CadesSigner.sign(manifest, credential, alg, signingTime);
        progress.progress("signing", 1, 1);

        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".part");
        boolean ok = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream raw = java.nio.channels.Channels.newOutputStream(ch);
                 ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(raw, BUFFER),
                         StandardCharsets.UTF_8)) {
                long time = signingTime.toEpochMilli();
                storeBytes(zip, PackageLayout.MIMETYPE, PackageLayout.MIMETYPE_CONTENT.getBytes(StandardCharsets.US_ASCII),
                        time);
                storeBytes(zip, document.entry(), declarationJson, time);
                done = 0;
                for (int i = 0; i < attachments.size(); i++) {
                    PackageAttachment a = attachments.get(i);
                    ZipEntry e = new ZipEntry(a.packagePath());
                    e.setMethod(ZipEntry.STORED);
                    e.setCrc(crcAndSize.get(i)[0]);
                    e.setSize(crcAndSize.get(i)[1]);
                    e.setCompressedSize(crcAndSize.get(i)[1]);
                    e.setTime(time);
                    zip.putNextEntry(e);
                    CRC32 crc = new CRC32();
                    long size = 0;
                    byte[] buf = new byte[BUFFER];
                    try (InputStream in = Files.newInputStream(a.file())) {
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            zip.write(buf, 0, n);
                            crc.update(buf, 0, n);
                            size += n;
                            done += n;
                            progress.progress("writing", done, total);
                        }
                    }
                    if (crc.getValue() != crcAndSize.get(i)[0] || size != crcAndSize.get(i)[1]) {
                        throw new IOException("attachment changed while the package was written: " + a.file());
                    }
                    zip.closeEntry();
                }
                storeBytes(zip, PackageLayout.MANIFEST, manifest, time);
                storeBytes(zip, PackageLayout.SIGNATURE, signature, time);
                zip.finish();
                zip.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            ok = true;
            progress.progress("done", total, total);
            return new WrittenPackage(target, Files.size(target), signingTime);
        } finally {
            if (!ok) {
                Files.deleteIfExists(tmp);
            }
        }
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
