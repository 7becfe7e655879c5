package org.minedecl.shared.pkg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Writes ZIP files byte by byte with every header field under the test's control, to craft hostile packages. */
final class RawZip {
    /** One entry; every field may be overridden. */
    static final class E {
        byte[] nameBytes;
        byte[] localNameBytes;
        byte[] data;
        int method = 8;
        int flags = 0;
        int versionMadeBy = -1;
        int versionNeeded = -1;
        long extAttr = 0;
        byte[] extra = new byte[0];
        Long cenCrc;
        Long cenCsize;
        Long cenUsize;
        Long locCsize;
        Long locUsize;
        Integer localMethod;
        byte[] rawCompressed;
        Long cenOffset;
        boolean inCentral = true;

        E(String name, byte[] data) {
            this.nameBytes = name.getBytes(StandardCharsets.UTF_8);
            for (byte b : nameBytes) {
                if (b < 0) {
                    flags |= 0x800;
                    break;
                }
            }
            this.data = data;
        }

        E stored() {
            method = 0;
            return this;
        }
    }

    final List<E> entries = new ArrayList<>();
    byte[] prefix = new byte[0];
    byte[] suffix = new byte[0];
    /** Overrides the end record's entry count. */
    Integer eocdCount;
    boolean zip64Locator;

    /** The entries of an existing zip, in order (mimetype stored, the rest deflated). */
    static RawZip of(byte[] zip) throws Exception {
        RawZip z = new RawZip();
        for (Map.Entry<String, byte[]> e : read(zip).entrySet()) {
            E x = z.add(e.getKey(), e.getValue());
            if (e.getKey().equals("mimetype") || e.getKey().startsWith("attachments/")) {
                x.stored();
            }
        }
        return z;
    }

    static Map<String, byte[]> read(byte[] zip) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                m.put(e.getName(), in.readAllBytes());
            }
        }
        return m;
    }

    E add(String name, byte[] data) {
        E e = new E(name, data);
        entries.add(e);
        return e;
    }

    E get(String name) {
        for (E e : entries) {
            if (new String(e.nameBytes, StandardCharsets.UTF_8).equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException(name);
    }

    void remove(String name) {
        entries.remove(get(name));
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        ByteArrayOutputStream cen = new ByteArrayOutputStream();
        int count = 0;
        for (E e : entries) {
            byte[] comp = e.rawCompressed != null ? e.rawCompressed : e.method == 8 ? deflate(e.data) : e.data;
            CRC32 crc = new CRC32();
            crc.update(e.data);
            int need = e.versionNeeded >= 0 ? e.versionNeeded : e.method == 8 ? 20 : 10;
            int made = e.versionMadeBy >= 0 ? e.versionMadeBy : need;
            long offset = out.size() - prefix.length + prefix.length;
            byte[] lname = e.localNameBytes != null ? e.localNameBytes : e.nameBytes;
            le32(out, 0x04034b50);
            le16(out, need);
            le16(out, e.flags);
            le16(out, e.localMethod != null ? e.localMethod : e.method);
            le32(out, 0x21000000L);
            le32(out, crc.getValue());
            le32(out, e.locCsize != null ? e.locCsize : comp.length);
            le32(out, e.locUsize != null ? e.locUsize : e.data.length);
            le16(out, lname.length);
            le16(out, e.extra.length);
            out.writeBytes(lname);
            out.writeBytes(e.extra);
            out.writeBytes(comp);
            if (!e.inCentral) {
                continue;
            }
            count++;
            le32(cen, 0x02014b50);
            le16(cen, made);
            le16(cen, need);
            le16(cen, e.flags);
            le16(cen, e.method);
            le32(cen, 0x21000000L);
            le32(cen, e.cenCrc != null ? e.cenCrc : crc.getValue());
            le32(cen, e.cenCsize != null ? e.cenCsize : comp.length);
            le32(cen, e.cenUsize != null ? e.cenUsize : e.data.length);
            le16(cen, e.nameBytes.length);
            le16(cen, e.extra.length);
            le16(cen, 0);
            le16(cen, 0);
            le16(cen, 0);
            le32(cen, e.extAttr);
            le32(cen, e.cenOffset != null ? e.cenOffset : offset);
            cen.writeBytes(e.nameBytes);
            cen.writeBytes(e.extra);
        }
        long cenOffset = out.size();
        out.writeBytes(cen.toByteArray());
        if (zip64Locator) {
            le32(out, 0x07064b50);
            le32(out, 0);
            le32(out, 0);
            le32(out, 0);
            le32(out, 1);
        }
        le32(out, 0x06054b50);
        le16(out, 0);
        le16(out, 0);
        int n = eocdCount != null ? eocdCount : count;
        le16(out, n);
        le16(out, n);
        le32(out, cen.size());
        le32(out, cenOffset);
        le16(out, 0);
        out.writeBytes(suffix);
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!d.finished()) {
            int n = d.deflate(buf);
            out.write(buf, 0, n);
        }
        d.end();
        return out.toByteArray();
    }

    private static void le16(ByteArrayOutputStream o, int v) {
        o.write(v & 0xff);
        o.write(v >>> 8 & 0xff);
    }

    private static void le32(ByteArrayOutputStream o, long v) {
        le16(o, (int) (v & 0xffff));
        le16(o, (int) (v >>> 16 & 0xffff));
    }
}
