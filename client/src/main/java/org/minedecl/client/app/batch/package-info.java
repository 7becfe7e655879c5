/**
 * Batch work for consultants (CONTRACTS section 10): importing declarations from spreadsheets
 * ({@link org.minedecl.client.app.batch.SpreadsheetImporter}), the import template
 * ({@link org.minedecl.client.app.batch.ImportTemplate}), and the batch services over folders of declarations.
 * Used by the CLI's {@code import} and batch commands and by the desktop; no Swing, no picocli here.
 *
 * <p>Libraries, and why:
 * <ul>
 *   <li><b>fastexcel-reader</b> (org.dhatim, 0.19.0) reads XLSX: it streams a sheet row by row (memory stays flat
 *       however many rows), gives each cell's stored text ({@code Cell.getRawValue()}: a number exactly as written,
 *       a formula's cached value, never an evaluation), and refuses DTDs in its XML reader. It trusts the ZIP, so
 *       {@link org.minedecl.client.app.batch.ZipGuard} looks at every part first (decompressed size, entries, DTDs).</li>
 *   <li><b>fastexcel</b> (the writer, same project and version) writes the template: formats, comments and
 *       list data validation (the drop-downs) are all it needs, so Apache POI is not used at all.</li>
 *   <li>CSV is read by {@link org.minedecl.client.app.batch.CsvRows} (RFC 4180, about 150 lines): the encoding
 *       detection (UTF-8, else GBK, else a message on how to save as UTF-8) is ours to decide, and no CSV
 *       library on the classpath does it.</li>
 * </ul>
 * Depends on {@code shared} (the declaration model, parser, writer and rule engine); never on the CLI or Swing.
 */
package org.minedecl.client.app.batch;
