package org.minedecl.client.app.receipts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;
import org.minedecl.shared.receipt.ReceiptVerifier;

/**
 * The server's signed receipts (回执), kept beside what they acknowledge: {@code q3.asice.receipt} beside the
 * package {@code q3.asice} (or whatever file a caller names, e.g. beside a draft), as the DER CMS the server
 * signed, written atomically. Verification is the shared {@link ReceiptVerifier} against the server certificate
 * the user trusts.
 */
public final class ReceiptStore {
    /** The suffix of a receipt kept beside a package. */
    public static final String SUFFIX = ".receipt";

    private ReceiptStore() {
    }

    /** Where the receipt of {@code pkg} is kept: {@code PKG.receipt} in the same folder. */
    public static Path besidePackage(Path pkg) {
        return pkg.resolveSibling(pkg.getFileName() + SUFFIX);
    }

    /** Writes the receipt to {@code target} (temporary file, then an atomic rename): never a partial receipt. */
    public static Path store(Path target, byte[] signedReceipt) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, signedReceipt);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return target;
    }

    /** The receipt kept at {@code target}, decoded ({@link #decode}); empty when there is none. */
    public static Optional<byte[]> read(Path target) throws IOException {
        if (!Files.isRegularFile(target)) {
            return Optional.empty();
        }
        if (Files.size(target) > ReceiptVerifier.MAX_RECEIPT_BYTES * 2L) {
            throw new IOException(target + " is too large to be a receipt");
        }
        return Optional.of(decode(Files.readAllBytes(target)));
    }

    /** DER as the client stores it; base64 (e.g. copied from the API's {@code signedReceipt}) is accepted too. */
    public static byte[] decode(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == 0x30) {
            return bytes;
        }
        try {
            return Base64.getMimeDecoder().decode(new String(bytes, StandardCharsets.US_ASCII).trim());
        } catch (IllegalArgumentException e) {
            return bytes;
        }
    }

    /** Checks a receipt's signature and content against the server certificate the user trusts. */
    public static ReceiptVerifier.Result verify(byte[] signedReceipt, X509Certificate serverCertificate) {
        return ReceiptVerifier.verify(decode(signedReceipt), serverCertificate);
    }

    /** Checks the receipt kept at {@code target}; a missing file is an invalid receipt saying so. */
    public static ReceiptVerifier.Result verify(Path target, X509Certificate serverCertificate) throws IOException {
        Optional<byte[]> bytes = read(target);
        if (bytes.isEmpty()) {
            return new ReceiptVerifier.Result(false, null, "no receipt at " + target);
        }
        return verify(bytes.get(), serverCertificate);
    }
}
