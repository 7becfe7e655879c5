/**
 * Signing a declaration: {@link org.minedecl.client.app.signing.SigningService} (prepare: the ERROR gate and the
 * attachment match; open: the key; describe: the certificate; sign: the package) and its result types.
 */
package org.minedecl.client.app.signing;
