/**
 * Regulators' decisions on submissions (CONTRACTS section 9): {@code POST/GET /api/v1/submissions/{id}/decisions},
 * append-only and audited; a decision moves the abnormal-list register's entries ({@code abnormal}). Depends on
 * {@code abnormal}, {@code scope}, {@code storage}, {@code problem}.
 */
package org.minedecl.server.review;
