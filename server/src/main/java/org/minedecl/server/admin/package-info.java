/**
 * The regulator registry (CONTRACTS section 7): administrators register a regulator's certificate with its
 * GB/T 2260 jurisdictions and remove it; a removed regulator's tokens are refused from the next request on.
 * Depends on {@code access}, {@code auth}, {@code problem}.
 */
package org.minedecl.server.admin;
