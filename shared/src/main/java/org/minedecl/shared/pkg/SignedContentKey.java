package org.minedecl.shared.pkg;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * What makes two packages "the same filing" (CONTRACTS section 5): the manifest that was signed and the signature
 * value over it. ZIP metadata, entry order, compression, and the unsigned parts of the CMS (its version, the
 * digestAlgorithms set, the certificates bag) are not part of it, so a re-zipped or re-encoded copy of an accepted
 * package has the same key and is answered with the original receipt instead of a second filing or a 409.
 */
public final class SignedContentKey {
    private SignedContentKey() {
    }

    /** Hex SHA-256 over the manifest's length and bytes, then the signature value's. */
    public static String of(byte[] manifest, byte[] signatureValue) {
        MessageDigest md = PackageWriter.sha256();
        md.update(ByteBuffer.allocate(8).putLong(manifest.length).array());
        md.update(manifest);
        md.update(ByteBuffer.allocate(8).putLong(signatureValue.length).array());
        md.update(signatureValue);
        return HexFormat.of().formatHex(md.digest());
    }
}
