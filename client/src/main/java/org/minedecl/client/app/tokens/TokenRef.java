package org.minedecl.client.app.tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.minedecl.shared.signature.SignerSource;

/**
 * A token found in a slot of a PKCS#11 library (a USB key, 证书介质): what to show the user and how to sign with it.
 *
 * @param library         the PKCS#11 library (driver) that answered
 * @param slotId          the slot's id in that library
 * @param slotDescription the slot's description (e.g. the reader's name)
 * @param label           the token's label, as the user knows it
 * @param serialNumber    the token's serial number (tells two keys of the same make apart)
 * @param pin             the user PIN's state
 */
public record TokenRef(Path library, long slotId, String slotDescription, String label, String manufacturer,
                       String model, String serialNumber, PinInfo pin) {

    /** The label and serial number, as a list shows it. */
    public String displayName() {
        return label + (serialNumber == null || serialNumber.isBlank() ? "" : " (" + serialNumber + ")");
    }

    /**
     * How to open this token's key with {@link org.minedecl.client.app.signing.SigningService#open}: a SunPKCS11
     * configuration for this library and slot is written to a private temporary file.
     *
     * @param pin   the user PIN (the caller clears it afterwards)
     * @param alias the key entry, or null for the only one
     */
    public SignerSource signerSource(char[] pin, String alias) throws IOException {
        Path config = Files.createTempFile("minedecl-pkcs11-", ".cfg");
        try {
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's temp folder is private already
        }
        // SunPKCS11 names its provider "SunPKCS11-<name>": one name per library and slot
        String name = "minedecl" + Integer.toHexString(library.toString().hashCode()) + "s" + slotId;
        Files.writeString(config, "name = " + name + "\nlibrary = " + library.toAbsolutePath() + "\nslot = "
                + slotId + "\n", StandardCharsets.UTF_8);
        config.toFile().deleteOnExit();
        return new SignerSource.Pkcs11Token(config, pin, alias);
    }
}
