/**
 * The {@code mine-declaration/1} document: the records of one quarterly declaration, the strict
 * {@link org.minedecl.shared.declaration.DeclarationParser} (every problem a finding with its JSON path) and
 * the canonical {@link org.minedecl.shared.declaration.DeclarationWriter}. Depends on Jackson and on the
 * finding types of {@code org.minedecl.shared.rules}; never on Swing, an HTTP server or JDBC.
 */
package org.minedecl.shared.declaration;
