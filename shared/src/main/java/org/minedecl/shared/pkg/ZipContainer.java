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
 * normalisation), no encryption, symlinks, zip64 or methods other than stored/deflated, and inflation counts
 * real bytes against absolute and ratio caps. Entry names are never used as file system paths.
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
    private static final int MAX_CEN_BYTES = 4 << 20;

    /** Entry names whose bytes are kept (the rest are only hashed). */
    private static final Map<String, Integer> KEEP = Map.of(
            PackageLayout.MIMETYPE, 1024,
            PackageLayout.DECLARATION, org.minedecl.shared.declaration.DeclarationParser.MAX_DOCUMENT_BYTES,
            PackageLayout.MANIFEST, PackageLayout.MAX_METADATA_BYTES,
            PackageLayout.SIGNATURE, PackageLayout.MAX_METADATA_BYTES);

    /** Either the entries in file order or the first failure. */
    record Result(List<ZipEntryFacts> entries, Failure failure) {
    }

    private record Cen(String name, byte[] nameBytes, int flags, int method, long crc, long csize, long usize,
                       long localOffset, int versionNeeded, long dosTime) {
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
        return fail(CHECK_STRUCTURE, "PACKAGE_UNREADABLE", "cannot read the package: " + e.getMessage());
    }

    private static Result fail(String check, String code, String detail) {
        return new Result(null, new Failure(check, code, Category.PACKAGE_INVALID, detail));
    }

    private static Result readChecked(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size > PackageLayout.MAX_PACKAGE_BYTES) {
            return fail(CHECK_STRUCTURE, "PACKAGE_TOO_LARGE", "package of " + size + " bytes exceeds "
                    + PackageLayout.MAX_PACKAGE_BYTES);
        }
        if (size < 22) {
            return fail(CHECK_STRUCTURE, "ZIP_MALFORMED", "not a ZIP file (too short)");
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
            return fail(CHECK_STRUCTURE, "ZIP_MALFORMED", "no end of central directory record");
        }
        if (eocd + 22 + u16(tail, eocd + 20) != tailLen) {
            return fail(CHECK_STRUCTURE, "ZIP_TRAILING_DATA", "bytes after the end of central directory record");
        }
        if (u16(tail, eocd + 20) != 0) {
            return fail(CHECK_STRUCTURE, "ZIP_TRAILING_DATA", "the archive has a comment");
        }
        long eocdPos = tailStart + eocd;
        int disk = u16(tail, eocd + 4);
        int cenDisk = u16(tail, eocd + 6);
        int entriesDisk = u16(tail, eocd + 8);
        int entries = u16(tail, eocd + 10);
        long cenSize = u32(tail, eocd + 12);
        long cenOffset = u32(tail, eocd + 16);
        if (entries == 0xFFFF || cenSize == 0xFFFFFFFFL || cenOffset == 0xFFFFFFFFL
                || (eocd >= 20 && tail.getInt(eocd - 20) == ZIP64_LOCATOR_SIG)) {
            return fail(CHECK_STRUCTURE, "ZIP64_UNSUPPORTED", "zip64 records are not allowed in a package");
        }
        if (disk != 0 || cenDisk != 0 || entriesDisk != entries) {
            return fail(CHECK_STRUCTURE, "ZIP_MALFORMED", "multi-volume archives are not allowed");
        }
        if (entries > PackageLayout.MAX_ENTRIES) {
            return fail(CHECK_ENTRIES, "ENTRY_COUNT_EXCEEDED", entries + " entries (at most "
                    + PackageLayout.MAX_ENTRIES + ")");
        }
        if (entries == 0) {
            return fail(CHECK_STRUCTURE, "ZIP_MALFORMED", "empty archive");
        }
        if (cenOffset + cenSize != eocdPos || cenSize > MAX_CEN_BYTES) {
            return fail(CHECK_STRUCTURE, "ZIP_MALFORMED", "central directory does not end at the end record");
        }
        ByteBuffer cen = readAt(ch, cenOffset, (int) cenSize);
        List<Cen> list = new ArrayList<>();
        Set<String> exact = new HashSet<>();
        Map<String, String> folded = new HashMap<>();
        int p = 0;
        for (int n = 0; n < entries; n++) {
            if (p + 46 > cenSize || cen.getInt(p) != CEN_SIG) {
                return fail(CHECK_STRUCTURE, "ZIP_MALFORMED", "central directory entry " + n + " is broken");
            }
            int madeBy = u16(cen, p + 4);
            int versionNeeded = u16(cen, p + 6);
            int flags = u16(cen, p + 8);
            int method = u16(cen, p + 10);
            long dosTime = u32(cen, p + 12);
            int intAttr = u16(cen, p + 36);
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
                return fail(CHECK_STRUCTURE, "ZIP_MALFORMED", "central directory entry " + n + " overruns");
            }
            byte[] nameBytes = new byte[nlen];
            cen.get(p + 46, nameBytes);
            byte[] extra = new byte[elen];
            cen.get(p + 46 + nlen, extra);
            p += 46 + nlen + elen + clen;
            if (csize == 0xFFFFFFFFL || usize == 0xFFFFFFFFL || lho == 0xFFFFFFFFL || hasExtra(extra, 0x0001)) {
                return fail(CHECK_STRUCTURE, "ZIP64_UNSUPPORTED", "zip64 entry " + n);
            }
            if (diskStart != 0) {
                return fail(CHECK_STRUCTURE, "ZIP_MALFORMED", "entry " + n + " on another volume");
            }
            if (nlen > PackageLayout.MAX_NAME_BYTES) {
                return fail(CHECK_ENTRIES, "ENTRY_NAME_TOO_LONG", "entry " + n + " has a name of " + nlen + " bytes");
            }
            String name = decodeName(nameBytes, (flags & 0x800) != 0);
            if (name == null) {
                return fail(CHECK_ENTRIES, "ENTRY_NAME_NOT_UTF8", "entry " + n + " has a name that is not UTF-8");
            }
            if (hasExtra(extra, 0x7075)) {
                return fail(CHECK_ENTRIES, "ENTRY_NAME_NOT_UTF8", "entry '" + printable(name)
                        + "' carries a second (Info-ZIP Unicode) name");
            }
            String unsafe = PackageLayout.unsafeNameReason(name);
            if (unsafe != null) {
                return fail(CHECK_ENTRIES, "ZIP_SLIP", "unsafe entry name '" + printable(name) + "': " + unsafe);
            }
            if ((flags & 0x41) != 0 || method == 99) {
                return fail(CHECK_ENTRIES, "ENTRY_ENCRYPTED", "entry '" + printable(name) + "' is encrypted");
            }
            if (method != 0 && method != 8) {
                return fail(CHECK_ENTRIES, "ENTRY_METHOD_UNSUPPORTED", "entry '" + printable(name)
                        + "' uses compression method " + method);
            }
            int host = madeBy >> 8;
            int mode = (int) (extAttr >>> 16);
            if (host == 3 && (mode & 0xF000) == 0xA000) {
                return fail(CHECK_ENTRIES, "ENTRY_SYMLINK", "entry '" + printable(name) + "' is a symbolic link");
            }
            // canonical metadata: ZIP headers are not signed, so nothing in them may vary unnoticed
            if ((flags & ~0x080E) != 0 || versionNeeded > 20 || (host != 0 && host != 3)
                    || (host == 0 && ((madeBy & 0xff) != versionNeeded || intAttr != 0
                    || (extAttr != 0 && extAttr != 0x10))) || (host == 3 && intAttr > 1)) {
                return fail(CHECK_ENTRIES, "ENTRY_ATTRIBUTES_UNSUPPORTED", "entry '" + printable(name)
                        + "' has unsupported flags, version or attributes");
            }
            if (host == 3 && (mode & 0xF000) != 0x8000 && (mode & 0xF000) != 0x4000 && mode != 0) {
                return fail(CHECK_ENTRIES, "ENTRY_ATTRIBUTES_UNSUPPORTED", "entry '" + printable(name)
                        + "' is not a regular file or directory");
            }
            if (clen != 0) {
                return fail(CHECK_ENTRIES, "ENTRY_ATTRIBUTES_UNSUPPORTED", "entry '" + printable(name)
                        + "' has a comment");
            }
            if (!exact.add(name)) {
                return fail(CHECK_ENTRIES, "DUPLICATE_ENTRY", "entry '" + printable(name) + "' appears twice");
            }
            String key = foldKey(name);
            String before = folded.putIfAbsent(key, name);
            if (before != null) {
                return fail(CHECK_ENTRIES, "DUPLICATE_ENTRY", "entries '" + printable(before) + "' and '"
                        + printable(name) + "' differ only in case or Unicode normalisation");
            }
            if (usize > PackageLayout.MAX_TOTAL_INFLATED) {
                return fail(CHECK_CONTENT, "ZIP_BOMB_SIZE", "entry '" + printable(name) + "' claims " + usize
                        + " bytes");
            }
            list.add(new Cen(name, nameBytes, flags, method, crc, csize, usize, lho, versionNeeded, dosTime));
        }
        if (p != cenSize) {
            return fail(CHECK_STRUCTURE, "ZIP_MALFORMED", "central directory has unaccounted bytes");
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
                    return fail(CHECK_STRUCTURE, "ZIP_PREPENDED_DATA", "bytes before the first entry");
                }
                return fail(CHECK_STRUCTURE, c.localOffset() < expected ? "ENTRY_OVERLAP" : "ZIP_HIDDEN_DATA",
                        c.localOffset() < expected ? "entry '" + printable(c.name()) + "' overlaps the one before"
                                : "unlisted bytes before entry '" + printable(c.name()) + "'");
            }
            if (c.localOffset() + 30 > cenOffset) {
                return fail(CHECK_STRUCTURE, "ZIP_MALFORMED", "local header of '" + printable(c.name())
                        + "' overruns");
            }
            ByteBuffer loc = readAt(ch, c.localOffset(), 30);
            if (loc.getInt(0) != LOC_SIG) {
                return fail(CHECK_STRUCTURE, "HEADER_MISMATCH", "no local header for '" + printable(c.name()) + "'");
            }
            int lversion = u16(loc, 4);
            int lflags = u16(loc, 6);
            long ltime = u32(loc, 10);
            int lmethod = u16(loc, 8);
            long lcrc = u32(loc, 14);
            long lcsize = u32(loc, 18);
            long lusize = u32(loc, 22);
            int lnlen = u16(loc, 26);
            int lelen = u16(loc, 28);
            if (c.localOffset() + 30 + lnlen + lelen > cenOffset) {
                return fail(CHECK_STRUCTURE, "ZIP_MALFORMED", "local header of '" + printable(c.name())
                        + "' overruns");
            }
            ByteBuffer lname = readAt(ch, c.localOffset() + 30, lnlen);
            byte[] lnameBytes = new byte[lnlen];
            lname.get(0, lnameBytes);
            if (!Arrays.equals(lnameBytes, c.nameBytes())) {
                return fail(CHECK_STRUCTURE, "HEADER_MISMATCH", "local and central names differ for '"
                        + printable(c.name()) + "'");
            }
            ByteBuffer lextra = readAt(ch, c.localOffset() + 30 + lnlen, lelen);
            byte[] lextraBytes = new byte[lelen];
            lextra.get(0, lextraBytes);
            if (hasExtra(lextraBytes, 0x0001) || lcsize == 0xFFFFFFFFL || lusize == 0xFFFFFFFFL) {
                return fail(CHECK_STRUCTURE, "ZIP64_UNSUPPORTED", "zip64 local header for '" + printable(c.name())
                        + "'");
            }
            if (hasExtra(lextraBytes, 0x7075)) {
                return fail(CHECK_ENTRIES, "ENTRY_NAME_NOT_UTF8", "entry '" + printable(c.name())
                        + "' carries a second (Info-ZIP Unicode) name");
            }
            if (lmethod != c.method() || lflags != c.flags() || lversion != c.versionNeeded()
                    || ltime != c.dosTime()) {
                return fail(CHECK_STRUCTURE, "HEADER_MISMATCH", "local and central headers of '"
                        + printable(c.name()) + "' disagree on method, flags, version or time");
            }
            boolean descriptor = (c.flags() & 0x08) != 0;
            if (!descriptor && (lcrc != c.crc() || lcsize != c.csize() || lusize != c.usize())) {
                return fail(CHECK_STRUCTURE, "HEADER_MISMATCH", "local and central headers of '"
                        + printable(c.name()) + "' disagree on sizes or CRC");
            }
            if (descriptor && ((lcrc != 0 && lcrc != c.crc()) || (lcsize != 0 && lcsize != c.csize())
                    || (lusize != 0 && lusize != c.usize()))) {
                return fail(CHECK_STRUCTURE, "HEADER_MISMATCH", "local and central headers of '"
                        + printable(c.name()) + "' disagree on sizes or CRC");
            }
            long start = c.localOffset() + 30 + lnlen + lelen;
            long end = start + c.csize();
            if (end > cenOffset) {
                return fail(CHECK_STRUCTURE, "ENTRY_OVERLAP", "data of '" + printable(c.name())
                        + "' runs into the central directory");
            }
            if (descriptor) {
                if (end + 12 > cenOffset) {
                    return fail(CHECK_STRUCTURE, "ZIP_MALFORMED", "data descriptor of '" + printable(c.name())
                            + "' is missing");
                }
                ByteBuffer d = readAt(ch, end, (int) Math.min(16, cenOffset - end));
                int o = d.getInt(0) == DESC_SIG && d.limit() >= 16 ? 4 : 0;
                if (u32(d, o) != c.crc() || u32(d, o + 4) != c.csize() || u32(d, o + 8) != c.usize()) {
                    return fail(CHECK_STRUCTURE, "HEADER_MISMATCH", "data descriptor of '" + printable(c.name())
                            + "' disagrees with the central directory");
                }
                end += o + 12;
            }
            dataStart[i] = start;
            expected = end;
        }
        if (expected != cenOffset) {
            return fail(CHECK_STRUCTURE, expected < cenOffset ? "ZIP_HIDDEN_DATA" : "ENTRY_OVERLAP",
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
                return fail(CHECK_STRUCTURE, "HEADER_MISMATCH", "central directory order differs from file order");
            }
        }
        return new Result(List.copyOf(facts), null);
    }

    private static Object inflate(FileChannel ch, Cen c, long start, long[] total, byte[] in, byte[] out)
            throws IOException {
        boolean dir = c.name().endsWith("/");
        Integer keepLimit = KEEP.get(c.name());
        if (dir && c.usize() != 0) {
            return new Failure(CHECK_CONTENT, "ENTRY_CORRUPT", Category.PACKAGE_INVALID,
                    "directory entry '" + printable(c.name()) + "' has content");
        }
        if (keepLimit != null && c.usize() > keepLimit) {
            if (c.name().equals(PackageLayout.DECLARATION)) { // the JSON document length limit (SECURITY C3)
                return new Failure(CHECK_CONTENT, "JSON_TOO_LARGE", Category.JSON_LIMIT_EXCEEDED,
                        "'" + c.name() + "' is larger than " + keepLimit + " bytes");
            }
            return new Failure(CHECK_CONTENT, "ENTRY_TOO_LARGE", Category.PACKAGE_INVALID,
                    "'" + c.name() + "' is larger than " + keepLimit + " bytes");
        }
        if (c.method() == 0 && c.csize() != c.usize()) {
            return new Failure(CHECK_CONTENT, "SIZE_MISMATCH", Category.PACKAGE_INVALID,
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
                        return new Failure(CHECK_CONTENT, "ENTRY_CORRUPT", Category.PACKAGE_INVALID,
                                "deflated data of '" + printable(c.name()) + "' is truncated");
                    }
                    while (true) {
                        int k = inf.inflate(out);
                        if (k == 0) {
                            if (inf.needsDictionary()) {
                                return new Failure(CHECK_CONTENT, "ENTRY_CORRUPT", Category.PACKAGE_INVALID,
                                        "deflated data of '" + printable(c.name()) + "' needs a dictionary");
                            }
                            break;
                        }
                        inflated += k;
                        total[0] += k;
                        if (inflated > c.usize()) {
                            return new Failure(CHECK_CONTENT, "SIZE_MISMATCH", Category.PACKAGE_INVALID,
                                    "'" + printable(c.name()) + "' inflates beyond its declared " + c.usize()
                                            + " bytes");
                        }
                        if (total[0] > PackageLayout.MAX_TOTAL_INFLATED) {
                            return new Failure(CHECK_CONTENT, "ZIP_BOMB_SIZE", Category.PACKAGE_INVALID,
                                    "more than " + PackageLayout.MAX_TOTAL_INFLATED + " inflated bytes");
                        }
                        if (inflated > PackageLayout.RATIO_MIN_BYTES
                                && inflated > Math.max(1, c.csize()) * PackageLayout.MAX_RATIO) {
                            return new Failure(CHECK_CONTENT, "ZIP_BOMB_RATIO", Category.PACKAGE_INVALID,
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
                        return new Failure(CHECK_CONTENT, "ENTRY_CORRUPT", Category.PACKAGE_INVALID,
                                "'" + printable(c.name()) + "' has bytes after its deflated data");
                    }
                }
            }
            if (inf == null) {
                total[0] += inflated;
                if (total[0] > PackageLayout.MAX_TOTAL_INFLATED) {
                    return new Failure(CHECK_CONTENT, "ZIP_BOMB_SIZE", Category.PACKAGE_INVALID,
                            "more than " + PackageLayout.MAX_TOTAL_INFLATED + " bytes");
                }
            }
        } catch (DataFormatException e) {
            return new Failure(CHECK_CONTENT, "ENTRY_CORRUPT", Category.PACKAGE_INVALID,
                    "deflated data of '" + printable(c.name()) + "' is corrupt");
        } finally {
            if (inf != null) {
                inf.end();
            }
        }
        if (inflated != c.usize()) {
            return new Failure(CHECK_CONTENT, "SIZE_MISMATCH", Category.PACKAGE_INVALID,
                    "'" + printable(c.name()) + "' has " + inflated + " bytes, headers say " + c.usize());
        }
        if (crc.getValue() != c.crc()) {
            return new Failure(CHECK_CONTENT, "CRC_MISMATCH", Category.PACKAGE_INVALID,
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
}
