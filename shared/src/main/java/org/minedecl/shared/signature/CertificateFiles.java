package org.minedecl.shared.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads certificates and CRLs from PEM or DER files with BouncyCastle, so SM2 certificates load too (the
 * JDK's factory does not know the SM2 curve). The one reader for the CLI's {@code --trust}/{@code --crl},
 * {@code --server-cert} and the server's trust directory.
 */
public final class CertificateFiles {
    private static final long MAX_FILE = 16L << 20;

    private CertificateFiles() {
    }

    public static List<X509Certificate> certificates(List<Path> files) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        for (Path f : files) {
            int before = out.size();
            try {
                for (var c : CertificateFactory.getInstance("X.509", Providers.bc())
                        .generateCertificates(new ByteArrayInputStream(read(f)))) {
                    out.add((X509Certificate) c);
                }
            } catch (java.security.cert.CertificateException | RuntimeException e) {
                throw new IOException("not a certificate file (PEM or DER): " + f);
            }
            if (out.size() == before) {
                throw new IOException("no certificate in " + f);
            }
        }
        return out;
    }

    public static List<X509CRL> crls(List<Path> files) throws IOException {
        List<X509CRL> out = new ArrayList<>();
        for (Path f : files) {
            int before = out.size();
            try {
                for (var c : CertificateFactory.getInstance("X.509", Providers.bc())
                        .generateCRLs(new ByteArrayInputStream(read(f)))) {
                    out.add((X509CRL) c);
                }
            } catch (java.security.cert.CRLException | java.security.cert.CertificateException | RuntimeException e) {
                throw new IOException("not a CRL file (PEM or DER): " + f);
            }
            if (out.size() == before) {
                throw new IOException("no CRL in " + f);
            }
        }
        return out;
    }

    private static byte[] read(Path f) throws IOException {
        if (Files.size(f) > MAX_FILE) {
            throw new IOException(f + " is too large");
        }
        return Files.readAllBytes(f);
    }
}
