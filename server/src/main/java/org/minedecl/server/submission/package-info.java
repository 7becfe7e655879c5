/**
 * Uploads ({@code POST /api/v1/submissions}) and reading them back: the body is spooled to a temp file under
 * the data directory with a size cap, verified, evaluated, stored in one transaction, and acknowledged with a
 * signed receipt after the commit. Depends on {@code trust}, {@code rules}, {@code receipt}, {@code problem}.
 */
package org.minedecl.server.submission;
