package org.minedecl.shared.declaration;

/** A file carried in the package; {@code path} is inside the package, e.g. {@code attachments/licence.pdf}. */
public record Attachment(String path, AttachmentKind kind, String title) {
}
