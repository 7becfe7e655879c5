package org.minedecl.shared.pkg;

import java.nio.file.Path;

/** A file to carry in the package as {@code attachments/<name>}; its bytes are opaque (never unpacked). */
public record PackageAttachment(String name, Path file) {
    public PackageAttachment {
        String reason = name == null ? "no name" : PackageLayout.unsafeNameReason(name);
        if (reason != null || name.contains("/")) {
            throw new IllegalArgumentException("not a plain file name for an attachment: " + name
                    + (reason == null ? "" : " (" + reason + ")"));
        }
    }

    /** The path inside the package. */
    public String packagePath() {
        return PackageLayout.ATTACHMENTS_DIR + name;
    }

    /** An attachment named after its file. */
    public static PackageAttachment of(Path file) {
        return new PackageAttachment(file.getFileName().toString(), file);
    }
}
