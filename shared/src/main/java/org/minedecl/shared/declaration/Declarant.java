package org.minedecl.shared.declaration;

/** The person who makes the declaration (申报人), usually the legal representative. */
public record Declarant(String name, String title) {
}
