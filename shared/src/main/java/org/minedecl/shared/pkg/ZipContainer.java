package org.minedecl.shared.pkg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a package's ZIP structure itself, trusting nothing the headers say (SECURITY-TESTS B): the end record,
 * the central directory and every local header must agree, entries must tile the file with no gap, overlap,
 * prepended or appended bytes, names must be UTF-8 and safe and unique (also across case and Unicode
 * normalisation), no encryption, symlinks or methods other than stored/deflated, and inflation counts real bytes
 * against absolute and ratio caps. Entry names are never used as file system paths.
 *
 * <p>ZIP metadata is not signed, and what libraries vary harmlessly is read, not judged (CONTRACTS section 3,
 * "What is accepted from other producers"): host system, version made by and needed, permission bits with or
 * without a file type, timestamps, extra fields, comments of entries, data descriptors and the zip64 records of
 * streamed entries (within the same caps). What would change what a reader sees is refused, each with its code.
 */
final class ZipContainer {
    static final String CHECK_STRUCTURE = "container.structure";
    static final String CHECK_ENTRIES = "container.entries";
    static final String CHECK_CONTENT = "container.content";

    private static final int EOCD_SIG = 0x06054b50;
    private static final int CEN_SIG = 0x02014b50;
    private static final int LOC_SIG = 0x04034b50;
    private static final int DESC_SIG = 0x08074b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int MAX_CEN_BYTES = 4 << 20;
    /** General purpose flags for encryption: traditional (bit 0), strong (bit 6), central directory (bit 13). */
    private static final int ENCRYPTION_FLAGS = 0x2041;
    /** Flags both headers must agree on: encryption, data descriptor, UTF-8 name. */
    private static final int COMPARED_FLAGS = ENCRYPTION_FLAGS | 0x0008 | 0x0800;

    /** How many bytes of entry {@code name} are kept (the rest are only hashed), or null when none are. */
    private static Integer keepLimit(String name) {
        if (name.equals(PackageLayout.MIMETYPE)) {
            return 1024;
        }
        if (name.equals(PackageLayout.DECLARATION)) {
            return org.minedecl.shared.declaration.DeclarationParser.MAX_DOCUMENT_BYTES;
        }
        if (name.equals(PackageLayout.DELEGATION)) {
            return org.minedecl.shared.delegation.DelegationDocument.MAX_BYTES;
        }
        if (PackageLayout.isManifestName(name) || PackageLayout.isSignatureName(name)) {
            return PackageLayout.MAX_METADATA_BYTES;
        }
        return null;
    }

    /** Either the entries in file order or the first failure. */
    record Result(List<ZipEntryFacts> entries, Failure failure) {
    }

    private record Cen(String name, byte[] nameBytes, int flags, int method, long crc, long csize, long usize,
                       long localOffset) {
    }

    private ZipContainer() {
    }

    /** The package in {@code ch}, read with positional reads only; a failure to read is a failed check. */
    static Result read(FileChannel ch) {
        try {
            return readChecked(ch);
        } catch (IOException e) {
            return unreadable(e);
        }
    }

    /** The result for a package that cannot be read at all. */
    static Result unreadable(IOException e) {
        return fail(CHECK_STRUCTURE, FailureCode.PACKAGE_UNREADABLE, "cannot read the package: " + e.getMessage());
    }

    private static Result fail(String check, FailureCode code, String detail) {
        return new Result(null, new Failure(check, code, detail));
    }

    private static Result readChecked(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size > PackageLayout.MAX_PACKAGE_BYTES) {
            return fail(CHECK_STRUCTURE, FailureCode.PACKAGE_TOO_LARGE, "package of " + size + " bytes exceeds "
                    + PackageLayout.MAX_PACKAGE_BYTES);
        }
        if (size < 22) {
            return fail(CHECK_STRUCTURE, FailureCode.ZIP_MALFORMED, "not a ZIP file (too short)");
        }
        int tailLen = (int) Math.min(size, 22 + 0xFFFF);
        long tailStart = size - tailLen;
        ByteBuffer tail = readAt(ch, tailStart, tailLen);
        int eocd = -1;
        for (int i = tailLen - 22; i >= 0; i--) {
            if (tail.getInt(i) == EOCD_SIG && i + 22 + u16(tail, i + 20) <= tailLen) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            return fail(CHECK_STRUCTURE, FailureCode.ZIP_MALFORMED, "no end of central directory record");
        }
        if (eocd + 22 + u16(tail, eocd + 20) != tailLen) {
            return fail(CHECK_STRUCTURE, FailureCode.ZIP_TRAILING_DATA, "bytes after the end of central directory record");
        }
        if (u16(tail, eocd + 20) != 0) {
            return fail(CHECK_STRUCTURE, FailureCode.ZIP_TRAILING_DATA, "the archive has a comment");
        }
        long eocdPos = tailStart + eocd;
        int disk = u16(tail, eocd + 4);
        int cenDisk = u16(tail, eocd + 6);
        int entriesDisk = u16(tail, eocd + 8);
        int entries = u16(tail, eocd + 10);
        long cenSize = u32(tail, eocd + 12);
        long cenOffset = u32(tail, eocd + 16);
        long cenEnd = eocdPos;
        if (eocd >= 20 && tail.getInt(eocd - 20) == ZIP64_LOCATOR_SIG) {
            // zip64 end record: its figures are the real ones; the classic record's must agree or be 0xFFFF...
            long z64 = tail.getLong(eocd - 20 + 8);
            if (u32(tail, eocd - 20 + 4) != 0 || u32(tail, eocd - 20 + 16) != 1 || z64 < 0
                    || z64 + 56 > eocdPos - 20) {
                return fail(CHECK_STRUCTURE, FailureCode.ZIP64_INCONSISTENT, "the zip64 end locator is broken");
            }
            ByteBuffer z = readAt(ch, z64, 56);
            long recordSize = z.getLong(4);
            if (z.getInt(0) != ZIP64_EOCD_SIG || recordSize != 44 || z64 + 56 != eocdPos - 20) {
                return fail(CHECK_STRUCTURE, FailureCode.ZIP64_INCONSISTENT, "the zip64 end record is not where its locator says");
            }
            long zEntriesDisk = z.getLong(24);
            long zEntries = z.getLong(32);
            long zCenSize = z.getLong(40);
            long zCenOffset = z.getLong(48);
            if (z.getInt(16) != 0 || z.getInt(20) != 0 || zEntriesDisk != zEntries
                    || (entries != 0xFFFF && entries != zEntries) || (cenSize != 0xFFFFFFFFL && cenSize != zCenSize)
                    || (cenOffset != 0xFFFFFFFFL && cenOffset != zCenOffset)) {
                return fail(CHECK_STRUCTURE, FailureCode.ZIP64_INCONSISTENT, "the zip64 end record and the end record disagree");
            }
            if (zEntries > PackageLayout.MAX_ENTRIES) {
                return fail(CHECK_ENTRIES, FailureCode.ENTRY_COUNT_EXCEEDED, zEntries + " entries (at most "
                        + PackageLayout.MAX_ENTRIES + ")");
            }
            if (zCenSize < 0 || zCenSize > MAX_CEN_BYTES || zCenOffset < 0) {
                return fail(CHECK_STRUCTURE, FailureCode.ZIP_MALFORMED, "central directory does not end at the end record");
            }
            entries = (int) zEntries;
            entriesDisk = (int) zEntries;
            cenSize = zCenSize;
            cenOffset = zCenOffset;
            cenEnd = z64;
        } else if (entries == 0xFFFF || cenSize == 0xFFFFFFFFL || cenOffset == 0xFFFFFFFFL) {
            return fail(CHECK_STRUCTURE, FailureCode.ZIP64_INCONSISTENT, "zip64 values without a zip64 end record");
        }
        if (disk != 0 || cenDisk != 0 || entriesDisk != entries) {
            return fail(CHECK_STRUCTURE, FailureCode.ZIP_MALFORMED, "multi-volume archives are not allowed");
        }
        if (entries > PackageLayout.MAX_ENTRIES) {
            return fail(CHECK_ENTRIES, FailureCode.ENTRY_COUNT_EXCEEDED, entries + " entries (at most "
                    + PackageLayout.MAX_ENTRIES + ")");
        }
        if (entries == 0) {
            return fail(CHECK_STRUCTURE, FailureCode.ZIP_MALFORMED, "empty archive");
        }
        if (cenSize <= MAX_CEN_BYTES && cenSize >= 4 && cenOffset + cenSize < cenEnd
                && readAt(ch, cenEnd - cenSize, 4).getInt(0) == CEN_SIG) {
            // the central directory is where it ends at the end record, but its offsets do not count the bytes put
            // in front of the archive (a stub concatenated to it)
            return fail(CHECK_STRUCTURE, FailureCode.ZIP_PREPENDED_DATA, (cenEnd - cenSize - cenOffset)
                    + " bytes before the archive that its offsets do not count");
        }
        if (cenOffset + cenSize != cenEnd || cenSize > MAX_CEN_BYTES) {
            return fail(CHECK_STRUCTURE, FailureCode.ZIP_MALFORMED, "central directory does not end at the end record");
        }
        ByteBuffer cen = readAt(ch, cenOffset, (int) cenSize);
        List<Cen> list = new ArrayList<>();
        Set<String> exact = new HashSet<>();
        Map<String, String> folded = new HashMap<>();
        int p = 0;
        for (int n = 0; n < entries; n++) {
            if (p + 46 > cenSize || cen.getInt(p) != CEN_SIG) {
                return fail(CHECK_STRUCTURE, FailureCode.ZIP_MALFORMED, "central directory entry " + n + " is broken");
            }
            int flags = u16(cen, p + 8);
            int method = u16(cen, p + 10);
            long crc = u32(cen, p + 16);
            long csize = u32(cen, p + 20);
            long usize = u32(cen, p + 24);
            int nlen = u16(cen, p + 28);
            int elen = u16(cen, p + 30);
            int clen = u16(cen, p + 32);
            int diskStart = u16(cen, p + 34);
            long extAttr = u32(cen, p + 38);
            long lho = u32(cen, p + 42);
            if (p + 46L + nlen + elen + clen > cenSize) {
                return fail(CHECK_STRUCTURE, FailureCode.ZIP_MALFORMED, "central directory entry " + n + " overruns");
            }
            byte[] nameBytes = new byte[nlen];
            cen.get(p + 46, nameBytes);
            byte[] extra = new byte[elen];
            cen.get(p + 46 + nlen, extra);
            p += 46 + nlen + elen + clen;
            if (csize == 0xFFFFFFFFL || usize == 0xFFFFFFFFL || lho == 0xFFFFFFFFL || diskStart == 0xFFFF) {
                long[] z = zip64(extra, usize == 0xFFFFFFFFL, csize == 0xFFFFFFFFL, lho == 0xFFFFFFFFL);
                if (z == null) {
                    return fail(CHECK_STRUCTURE, FailureCode.ZIP64_INCONSISTENT, "central directory entry " + n
                            + " lacks the zip64 sizes it refers to");
                }
                usize = z[0];
                csize = z[1];
                lho = z[2];
                if (diskStart == 0xFFFF) {
                    return fail(CHECK_STRUCTURE, FailureCode.ZIP_MALFORMED, "entry " + n + " on another volume");
                }
            }
            if (diskStart != 0) {
                return fail(CHECK_STRUCTURE, FailureCode.ZIP_MALFORMED, "entry " + n + " on another volume");
            }
            if (nlen > PackageLayout.MAX_NAME_BYTES) {
                return fail(CHECK_ENTRIES, FailureCode.ENTRY_NAME_TOO_LONG, "entry " + n + " has a name of " + nlen + " bytes");
            }
            String name = decodeName(nameBytes, (flags & 0x800) != 0);
            if (name == null) {
                return fail(CHECK_ENTRIES, FailureCode.ENTRY_NAME_NOT_UTF8, "entry " + n + " has a name that is not UTF-8");
            }
            String unicodePath = unicodePathProblem(extra, nameBytes, name);
            if (unicodePath != null) {
                return fail(CHECK_ENTRIES, FailureCode.UNICODE_PATH_MISMATCH, "entry '" + printable(name) + "': "
                        + unicodePath);
            }
            String unsafe = PackageLayout.unsafeNameReason(name);
            if (unsafe != null) {
                return fail(CHECK_ENTRIES, FailureCode.ZIP_SLIP, "unsafe entry name '" + printable(name) + "': " + unsafe);
            }
            if ((flags & ENCRYPTION_FLAGS) != 0 || method == 99) {
                return fail(CHECK_ENTRIES, FailureCode.ENTRY_ENCRYPTED, "entry '" + printable(name) + "' is encrypted");
            }
            if ((method != 0 && method != 8) || (flags & 0x20) != 0) {
                return fail(CHECK_ENTRIES, FailureCode.ENTRY_METHOD_UNSUPPORTED, "entry '" + printable(name)
                        + "' uses compression method " + method + ((flags & 0x20) != 0 ? " on patched data" : ""));
            }
            // the file type, where the producer wrote one (Unix-like hosts keep st_mode in the upper 16 bits; a
            // mode without type bits, as Python's zipfile writes it, is a plain file)
            int type = (int) (extAttr >>> 16) & 0xF000;
            if (type == 0xA000) {
                return fail(CHECK_ENTRIES, FailureCode.ENTRY_SYMLINK, "entry '" + printable(name) + "' is a symbolic link");
            }
            if (type != 0 && type != 0x8000 && type != 0x4000) {
                return fail(CHECK_ENTRIES, FailureCode.ENTRY_SPECIAL_FILE, "entry '" + printable(name)
                        + "' is a device, pipe or socket (file type " + Integer.toOctalString(type >> 12) + ")");
            }
            if (type == 0x4000 && !name.endsWith("/") || type == 0x8000 && name.endsWith("/")) {
                return fail(CHECK_ENTRIES, FailureCode.ENTRY_TYPE_MISMATCH, "entry '" + printable(name) + "' is marked as a "
                        + (type == 0x4000 ? "directory" : "file") + " but named as a "
                        + (type == 0x4000 ? "file" : "directory"));
            }
            if (!exact.add(name)) {
                return fail(CHECK_ENTRIES, FailureCode.DUPLICATE_ENTRY, "entry '" + printable(name) + "' appears twice");
            }
            String key = foldKey(name);
            String before = folded.putIfAbsent(key, name);
            if (before != null) {
                return fail(CHECK_ENTRIES, FailureCode.DUPLICATE_ENTRY, "entries '" + printable(before) + "' and '"
                        + printable(name) + "' differ only in case or Unicode normalisation");
            }
            if (usize > PackageLayout.MAX_TOTAL_INFLATED) {
                return fail(CHECK_CONTENT, FailureCode.ZIP_BOMB_SIZE, "entry '" + printable(name) + "' claims " + usize
                        + " bytes");
            }
            list.add(new Cen(name, nameBytes, flags, method, crc, csize, usize, lho));
        }
        if (p != cenSize) {
            return fail(CHECK_STRUCTURE, FailureCode.ZIP_MALFORMED, "central directory has unaccounted bytes");
        }
        // local headers: agree with the central directory, and tile [0, cenOffset) exactly
        List<Cen> byOffset = new ArrayList<>(list);
        byOffset.sort(Comparator.comparingLong(Cen::localOffset));
        long expected = 0;
        long[] dataStart = new long[byOffset.size()];
        for (int i = 0; i < byOffset.size(); i++) {
            Cen c = byOffset.get(i);
            if (c.localOffset() != expected) {
                if (i == 0) {
                    return fail(CHECK_STRUCTURE, FailureCode.ZIP_PREPENDED_DATA, "bytes before the first entry");
                }
                return fail(CHECK_STRUCTURE, c.localOffset() < expected ? FailureCode.ENTRY_OVERLAP : FailureCode.ZIP_HIDDEN_DATA,
                        c.localOffset() < expected ? "entry '" + printable(c.name()) + "' overlaps the one before"
                                : "unlisted bytes before entry '" + printable(c.name()) + "'");
            }
            if (c.localOffset() + 30 > cenOffset) {
                return fail(CHECK_STRUCTURE, FailureCode.ZIP_MALFORMED, "local header of '" + printable(c.name())
                        + "' overruns");
            }
            ByteBuffer loc = readAt(ch, c.localOffset(), 30);
            if (loc.getInt(0) != LOC_SIG) {
                return fail(CHECK_STRUCTURE, FailureCode.HEADER_MISMATCH, "no local header for '" + printable(c.name()) + "'");
            }
            int lflags = u16(loc, 6);
            int lmethod = u16(loc, 8);
            long lcrc = u32(loc, 14);
            long lcsize = u32(loc, 18);
            long lusize = u32(loc, 22);
            int lnlen = u16(loc, 26);
            int lelen = u16(loc, 28);
            if (c.localOffset() + 30 + lnlen + lelen > cenOffset) {
                return fail(CHECK_STRUCTURE, FailureCode.ZIP_MALFORMED, "local header of '" + printable(c.name())
                        + "' overruns");
            }
            ByteBuffer lname = readAt(ch, c.localOffset() + 30, lnlen);
            byte[] lnameBytes = new byte[lnlen];
            lname.get(0, lnameBytes);
            if (!Arrays.equals(lnameBytes, c.nameBytes())) {
                return fail(CHECK_STRUCTURE, FailureCode.HEADER_MISMATCH, "local and central names differ for '"
                        + printable(c.name()) + "'");
            }
            ByteBuffer lextra = readAt(ch, c.localOffset() + 30 + lnlen, lelen);
            byte[] lextraBytes = new byte[lelen];
            lextra.get(0, lextraBytes);
            String unicodePath = unicodePathProblem(lextraBytes, lnameBytes, c.name());
            if (unicodePath != null) {
                return fail(CHECK_ENTRIES, FailureCode.UNICODE_PATH_MISMATCH, "entry '" + printable(c.name()) + "': "
                        + unicodePath + " (local header)");
            }
            boolean localZip64 = hasExtra(lextraBytes, 0x0001);
            if (lcsize == 0xFFFFFFFFL || lusize == 0xFFFFFFFFL) {
                // a zip64 local header carries both sizes in its extra field (APPNOTE 4.5.3)
                long[] z = zip64(lextraBytes, true, true, false);
                if (z == null) {
                    return fail(CHECK_STRUCTURE, FailureCode.ZIP64_INCONSISTENT, "local header of '" + printable(c.name())
                            + "' lacks the zip64 sizes it refers to");
                }
                lusize = z[0];
                lcsize = z[1];
            }
            // what readers act on must agree: name, method, encryption, UTF-8 names, where the sizes are
            if (lmethod != c.method() || (lflags & COMPARED_FLAGS) != (c.flags() & COMPARED_FLAGS)) {
                return fail(CHECK_STRUCTURE, FailureCode.HEADER_MISMATCH, "local and central headers of '"
                        + printable(c.name()) + "' disagree on method or flags");
            }
            boolean descriptor = (c.flags() & 0x08) != 0;
            if (!descriptor && (lcrc != c.crc() || lcsize != c.csize() || lusize != c.usize())) {
                return fail(CHECK_STRUCTURE, FailureCode.HEADER_MISMATCH, "local and central headers of '"
                        + printable(c.name()) + "' disagree on sizes or CRC");
            }
            if (descriptor && ((lcrc != 0 && lcrc != c.crc()) || (lcsize != 0 && lcsize != c.csize())
                    || (lusize != 0 && lusize != c.usize()))) {
                return fail(CHECK_STRUCTURE, FailureCode.HEADER_MISMATCH, "local and central headers of '"
                        + printable(c.name()) + "' disagree on sizes or CRC");
            }
            long start = c.localOffset() + 30 + lnlen + lelen;
            long end = start + c.csize();
            if (end > cenOffset) {
                return fail(CHECK_STRUCTURE, FailureCode.ENTRY_OVERLAP, "data of '" + printable(c.name())
                        + "' runs into the central directory");
            }
            if (descriptor) {
                // 32-bit sizes, or 64-bit ones after a zip64 local header; the signature is optional
                int sizes = localZip64 ? 8 : 4;
                int bare = 4 + 2 * sizes;
                if (end + bare > cenOffset) {
                    return fail(CHECK_STRUCTURE, FailureCode.ZIP_MALFORMED, "data descriptor of '" + printable(c.name())
                            + "' is missing");
                }
                ByteBuffer d = readAt(ch, end, (int) Math.min(bare + 4, cenOffset - end));
                int o = d.getInt(0) == DESC_SIG && d.limit() >= bare + 4 ? 4 : 0;
                long dcsize = localZip64 ? d.getLong(o + 4) : u32(d, o + 4);
                long dusize = localZip64 ? d.getLong(o + 4 + sizes) : u32(d, o + 4 + sizes);
                if (u32(d, o) != c.crc() || dcsize != c.csize() || dusize != c.usize()) {
                    return fail(CHECK_STRUCTURE, FailureCode.HEADER_MISMATCH, "data descriptor of '" + printable(c.name())
                            + "' disagrees with the central directory");
                }
                end += o + bare;
            }
            dataStart[i] = start;
            expected = end;
        }
        if (expected != cenOffset) {
            return fail(CHECK_STRUCTURE, expected < cenOffset ? FailureCode.ZIP_HIDDEN_DATA : FailureCode.ENTRY_OVERLAP,
                    "entries do not end where the central directory begins");
        }
        // inflate, counting real bytes
        List<ZipEntryFacts> facts = new ArrayList<>();
        long[] total = {0};
        byte[] in = new byte[1 << 16]; // one pair of buffers for all entries
        byte[] out = new byte[1 << 16];
        for (int i = 0; i < byOffset.size(); i++) {
            Cen c = byOffset.get(i);
            Object r = inflate(ch, c, dataStart[i], total, in, out);
            if (r instanceof Failure f) {
                return new Result(null, f);
            }
            facts.add((ZipEntryFacts) r);
        }
        // the central directory's order must be the file's order (mimetype first in both)
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) != byOffset.get(i)) {
                return fail(CHECK_STRUCTURE, FailureCode.HEADER_MISMATCH, "central directory order differs from file order");
            }
        }
        return new Result(List.copyOf(facts), null);
    }

    private static Object inflate(FileChannel ch, Cen c, long start, long[] total, byte[] in, byte[] out)
            throws IOException {
        boolean dir = c.name().endsWith("/");
        Integer keepLimit = keepLimit(c.name());
        if (dir && c.usize() != 0) {
            return new Failure(CHECK_CONTENT, FailureCode.ENTRY_CORRUPT,
                    "directory entry '" + printable(c.name()) + "' has content");
        }
        if (keepLimit != null && c.usize() > keepLimit) {
            if (c.name().equals(PackageLayout.DECLARATION) || c.name().equals(PackageLayout.DELEGATION)) {
                // the JSON document length limit (SECURITY C3)
                return new Failure(CHECK_CONTENT, FailureCode.JSON_TOO_LARGE,
                        "'" + c.name() + "' is larger than " + keepLimit + " bytes");
            }
            return new Failure(CHECK_CONTENT, FailureCode.ENTRY_TOO_LARGE,
                    "'" + c.name() + "' is larger than " + keepLimit + " bytes");
        }
        if (c.method() == 0 && c.csize() != c.usize()) {
            return new Failure(CHECK_CONTENT, FailureCode.SIZE_MISMATCH,
                    "stored entry '" + printable(c.name()) + "' has different sizes");
        }
        MessageDigest md = PackageWriter.sha256();
        CRC32 crc = new CRC32();
        java.io.ByteArrayOutputStream kept = keepLimit != null ? new java.io.ByteArrayOutputStream() : null;
        Inflater inf = c.method() == 8 ? new Inflater(true) : null;
        long inflated = 0;
        try {
            long pos = start;
            long end = start + c.csize();
            ByteBuffer wrap = ByteBuffer.wrap(in);
            while (pos < end || (inf != null && !inf.finished())) {
                int n = 0;
                if (pos < end) {
                    wrap.clear().limit((int) Math.min(in.length, end - pos));
                    while (wrap.hasRemaining()) {
                        if (ch.read(wrap, pos + wrap.position()) < 0) {
                            throw new IOException("unexpected end of file");
                        }
                    }
                    n = wrap.position();
                    pos += n;
                }
                if (inf == null) {
                    inflated += n;
                    md.update(in, 0, n);
                    crc.update(in, 0, n);
                    if (kept != null) {
                        kept.write(in, 0, n);
                    }
                } else {
                    if (n > 0) {
                        inf.setInput(in, 0, n);
                    } else if (inf.needsInput()) {
                        return new Failure(CHECK_CONTENT, FailureCode.ENTRY_CORRUPT,
                                "deflated data of '" + printable(c.name()) + "' is truncated");
                    }
                    while (true) {
                        int k = inf.inflate(out);
                        if (k == 0) {
                            if (inf.needsDictionary()) {
                                return new Failure(CHECK_CONTENT, FailureCode.ENTRY_CORRUPT,
                                        "deflated data of '" + printable(c.name()) + "' needs a dictionary");
                            }
                            break;
                        }
                        inflated += k;
                        total[0] += k;
                        if (inflated > c.usize()) {
                            return new Failure(CHECK_CONTENT, FailureCode.SIZE_MISMATCH,
                                    "'" + printable(c.name()) + "' inflates beyond its declared " + c.usize()
                                            + " bytes");
                        }
                        if (total[0] > PackageLayout.MAX_TOTAL_INFLATED) {
                            return new Failure(CHECK_CONTENT, FailureCode.ZIP_BOMB_SIZE,
                                    "more than " + PackageLayout.MAX_TOTAL_INFLATED + " inflated bytes");
                        }
                        if (inflated > PackageLayout.RATIO_MIN_BYTES
                                && inflated > Math.max(1, c.csize()) * PackageLayout.MAX_RATIO) {
                            return new Failure(CHECK_CONTENT, FailureCode.ZIP_BOMB_RATIO,
                                    "'" + printable(c.name()) + "' inflates more than " + PackageLayout.MAX_RATIO
                                            + " times");
                        }
                        md.update(out, 0, k);
                        crc.update(out, 0, k);
                        if (kept != null) {
                            kept.write(out, 0, k);
                        }
                        if (inf.finished()) {
                            break;
                        }
                    }
                    if (inf.finished() && (pos < end || inf.getRemaining() > 0)) {
                        return new Failure(CHECK_CONTENT, FailureCode.ENTRY_CORRUPT,
                                "'" + printable(c.name()) + "' has bytes after its deflated data");
                    }
                }
            }
            if (inf == null) {
                total[0] += inflated;
                if (total[0] > PackageLayout.MAX_TOTAL_INFLATED) {
                    return new Failure(CHECK_CONTENT, FailureCode.ZIP_BOMB_SIZE,
                            "more than " + PackageLayout.MAX_TOTAL_INFLATED + " bytes");
                }
            }
        } catch (DataFormatException e) {
            return new Failure(CHECK_CONTENT, FailureCode.ENTRY_CORRUPT,
                    "deflated data of '" + printable(c.name()) + "' is corrupt");
        } finally {
            if (inf != null) {
                inf.end();
            }
        }
        if (inflated != c.usize()) {
            return new Failure(CHECK_CONTENT, FailureCode.SIZE_MISMATCH,
                    "'" + printable(c.name()) + "' has " + inflated + " bytes, headers say " + c.usize());
        }
        if (crc.getValue() != c.crc()) {
            return new Failure(CHECK_CONTENT, FailureCode.CRC_MISMATCH,
                    "CRC of '" + printable(c.name()) + "' does not match");
        }
        return new ZipEntryFacts(c.name(), c.method(), inflated, md.digest(),
                kept == null ? null : kept.toByteArray(), dir);
    }

    /** The key under which two names count as the same entry: NFKC, case-folded. */
    static String foldKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static String decodeName(byte[] b, boolean utf8Flag) {
        if (!utf8Flag) {
            for (byte x : b) {
                if (x < 0) {
                    return null;
                }
            }
            return new String(b, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The zip64 extended information extra field's values (APPNOTE 4.5.3): uncompressed size, compressed size and
     * local header offset, each read only when the header said 0xFFFFFFFF for it, in that order; null when the
     * field is missing or too short, or a value is negative.
     */
    private static long[] zip64(byte[] extra, boolean usize, boolean csize, boolean offset) {
        byte[] data = extraData(extra, 0x0001);
        if (data == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        long[] out = new long[3];
        boolean[] wanted = {usize, csize, offset};
        int p = 0;
        for (int i = 0; i < 3; i++) {
            if (wanted[i]) {
                if (p + 8 > data.length || b.getLong(p) < 0) {
                    return null;
                }
                out[i] = b.getLong(p);
                p += 8;
            }
        }
        return out;
    }

    /**
     * Why an Info-ZIP Unicode Path extra field (0x7075) names something else than the entry, or null when there is
     * none or it names the entry itself: a reader that prefers it would otherwise see another name than we check.
     */
    private static String unicodePathProblem(byte[] extra, byte[] nameBytes, String name) {
        byte[] up = extraData(extra, 0x7075);
        if (up == null) {
            return null;
        }
        if (up.length < 5 || up[0] != 1) {
            return "its Unicode Path extra field is unreadable";
        }
        CRC32 crc = new CRC32();
        crc.update(nameBytes);
        long stored = (up[1] & 0xffL) | (up[2] & 0xffL) << 8 | (up[3] & 0xffL) << 16 | (up[4] & 0xffL) << 24;
        String unicode = decodeName(Arrays.copyOfRange(up, 5, up.length), true);
        if (stored != crc.getValue() || unicode == null || !unicode.equals(name)) {
            return "its Unicode Path extra field names '" + (unicode == null ? "?" : printable(unicode))
                    + "', not the entry";
        }
        return null;
    }

    /** The data of the first extra field with header {@code id}, or null. */
    private static byte[] extraData(byte[] extra, int id) {
        int p = 0;
        while (p + 4 <= extra.length) {
            int hid = (extra[p] & 0xff) | (extra[p + 1] & 0xff) << 8;
            int len = (extra[p + 2] & 0xff) | (extra[p + 3] & 0xff) << 8;
            if (hid == id) {
                return p + 4 + len <= extra.length ? Arrays.copyOfRange(extra, p + 4, p + 4 + len) : null;
            }
            p += 4 + len;
        }
        return null;
    }

    private static boolean hasExtra(byte[] extra, int id) {
        int p = 0;
        while (p + 4 <= extra.length) {
            int hid = (extra[p] & 0xff) | (extra[p + 1] & 0xff) << 8;
            int len = (extra[p + 2] & 0xff) | (extra[p + 3] & 0xff) << 8;
            if (hid == id) {
                return true;
            }
            p += 4 + len;
        }
        return false;
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 120; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return sb.toString();
    }

    private static ByteBuffer readAt(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int n = ch.read(b, pos + b.position());
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        b.flip();
        return b;
    }

    private static int u16(ByteBuffer b, int i) {
        return b.getShort(i) & 0xffff;
    }

    private static long u32(ByteBuffer b, int i) {
        return b.getInt(i) & 0xffffffffL;
    }

    /** The entries by name (names are unique once the ZIP was read). */
    static java.util.Map<String, ZipEntryFacts> index(List<ZipEntryFacts> entries) {
        java.util.Map<String, ZipEntryFacts> m = new java.util.LinkedHashMap<>();
        for (ZipEntryFacts e : entries) {
            m.put(e.name(), e);
        }
        return m;
    }
}
