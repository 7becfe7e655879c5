/**
 * Lists as CSV and XLSX (CONTRACTS section 9): a {@link org.minedecl.server.export.Table} written by {@link
 * org.minedecl.server.export.TableWriter}, a cell that a spreadsheet would run (beginning with {@code =}, {@code +},
 * {@code -}, {@code @}, tab or carriage return) written as text with a leading apostrophe (SECURITY-TESTS C9), and
 * {@link org.minedecl.server.export.Exports} choosing JSON, CSV or XLSX from the request's {@code Accept}.
 */
package org.minedecl.server.export;
