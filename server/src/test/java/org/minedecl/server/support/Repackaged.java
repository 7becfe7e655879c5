package org.minedecl.server.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.util.CollectionStore;

/**
 * Byte-different copies of one signed package that carry the same signed content (CONTRACTS section 5): re-zipped
 * with other timestamps, order and compression, or with the unsigned certificates bag of the CMS re-encoded.
 */
public final class Repackaged {
    private Repackaged() {
    }

    /** The entries rewritten by java.util.zip: deflated (mimetype stored, first), timestamps shifted by {@code n}. */
    public static byte[] rezipped(byte[] pkg, int n) {
        Map<String, byte[]> entries = read(pkg);
        List<String> names = new ArrayList<>(entries.keySet());
        names.remove("mimetype");
        if (n % 2 == 1) {
            java.util.Collections.reverse(names); // another order, too
        }
        names.add(0, "mimetype");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : names) {
                byte[] data = entries.get(name);
                ZipEntry e = new ZipEntry(name);
                e.setTime(1_790_000_000_000L + n * 2000L);
                if (name.equals("mimetype")) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(data.length);
                    e.setCrc(crc.getValue());
                }
                z.putNextEntry(e);
                z.write(data);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The package with {@code extra} added to the CMS certificates bag (not signed), re-zipped like {@code n}. */
    public static byte[] withExtraCertificate(byte[] pkg, X509Certificate extra, int n) {
        Map<String, byte[]> entries = read(pkg);
        try {
            CMSSignedData sd = new CMSSignedData(entries.get("META-INF/signature.p7s"));
            List<X509CertificateHolder> certs = new ArrayList<>(sd.getCertificates().getMatches(null));
            certs.add(new JcaX509CertificateHolder(extra));
            CMSSignedData changed = CMSSignedData.replaceCertificatesAndCRLs(sd, new CollectionStore<>(certs), null,
                    null);
            entries.put("META-INF/signature.p7s", changed.getEncoded("DER"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> en : entries.entrySet()) {
                ZipEntry e = new ZipEntry(en.getKey());
                e.setTime(1_790_000_000_000L + n * 2000L);
                CRC32 crc = new CRC32();
                crc.update(en.getValue());
                e.setMethod(ZipEntry.STORED);
                e.setSize(en.getValue().length);
                e.setCrc(crc.getValue());
                z.putNextEntry(e);
                z.write(en.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> read(byte[] zip) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                m.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
