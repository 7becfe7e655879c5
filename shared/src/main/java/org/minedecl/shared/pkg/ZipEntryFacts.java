package org.minedecl.shared.pkg;

/**
 * One ZIP entry as read and checked by {@link ZipContainer}: its name, method, inflated size, SHA-256 of the
 * inflated bytes, and the bytes themselves for the small metadata entries (null for attachments).
 */
record ZipEntryFacts(String name, int method, long size, byte[] sha256, byte[] content, boolean directory) {
}
