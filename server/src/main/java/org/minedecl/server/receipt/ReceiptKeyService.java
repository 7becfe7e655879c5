package org.minedecl.server.receipt;

import io.micronaut.context.annotation.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.minedecl.server.config.DataDirectory;
import org.minedecl.server.config.ServerSettings;
import org.minedecl.shared.receipt.ReceiptKeys;
import org.minedecl.shared.receipt.ReceiptSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that signs receipts. Read from the configured PEM files; when neither exists, an EC P-256 key with a
 * self-signed certificate is generated into the data directory on first start (written atomically, key file
 * readable by the owner only). Several instances behind one load balancer must share the same key files.
 */
@Context
public class ReceiptKeyService {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptKeyService.class);
    private final ReceiptSigner signer;
    private final String certificatePem;

    public ReceiptKeyService(ServerSettings settings, DataDirectory dataDirectory, Clock clock) {
        Path keyFile = settings.receiptKeyPath();
        Path certFile = settings.receiptCertificatePath();
        try {
            if (!Files.exists(keyFile) && !Files.exists(certFile)) {
                ReceiptKeys fresh = ReceiptKeys.generate("minedecl receipt signer " + dataDirectory.root()
                        .getFileName(), clock.instant());
                writeAtomically(certFile, pem(fresh.certificate()), false);
                writeAtomically(keyFile, pem(new JcaPKCS8Generator(fresh.privateKey(), null)), true);
                LOG.info("generated a receipt-signing key: {} (certificate {})", keyFile, certFile);
            }
            PrivateKey key = readKey(keyFile);
            X509Certificate cert = readCertificate(certFile);
            this.signer = new ReceiptSigner(key, cert);
            this.certificatePem = pem(cert);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the receipt key " + keyFile + ": " + e.getMessage(), e);
        }
    }

    public ReceiptSigner signer() {
        return signer;
    }

    public String certificatePem() {
        return certificatePem;
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (PEMParser p = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            Object o = p.readObject();
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            if (o instanceof PrivateKeyInfo info) {
                return conv.getPrivateKey(info);
            }
            if (o instanceof PEMKeyPair pair) {
                return conv.getPrivateKey(pair.getPrivateKeyInfo());
            }
            throw new IOException("no unencrypted private key in " + file);
        }
    }

    private static X509Certificate readCertificate(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (java.security.cert.CertificateException e) {
            throw new IOException("no certificate in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String pem(Object o) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(o);
        }
        return w.toString();
    }

    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        if (secret) {
            try {
                Files.setPosixFilePermissions(tmp, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: rely on the data directory's permissions
            }
        }
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
