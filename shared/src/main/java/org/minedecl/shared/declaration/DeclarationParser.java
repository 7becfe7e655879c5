package org.minedecl.shared.declaration;

/**
 * Strict reader of {@code mine-declaration/1}: duplicate keys, nesting depth, string/number/document size
 * limits, unknown top-level fields, types and enums. Every problem becomes a finding with its JSON path;
 * it never throws on user input.
 */
public final class DeclarationParser {
    /** Largest declaration document accepted, in bytes. */
    public static final int MAX_DOCUMENT_BYTES = 1 << 20;

    private DeclarationParser() {
    }

    public static ParseResult parse(byte[] json) {
        throw new UnsupportedOperationException("TODO: implemented by the foundation work");
    }
}
