/**
 * The minedecl server: one package per feature ({@code submission}, {@code receipt}, {@code abnormal},
 * {@code auth} (certificate login, tokens), {@code access} (principals and scoping), {@code admin} (regulator
 * registry), {@code delegation},
 * {@code rules}, {@code trust}, {@code config}, {@code problem}). Features use {@code shared} for everything
 * about declarations, packages and receipts; only this module talks HTTP and JDBC.
 */
package org.minedecl.server;
