/**
 * The one certificate validator: key usage, validity, the PKIX path to a configured trust anchor and revocation by
 * configured CRLs ({@link org.minedecl.shared.trust.CertificateValidator}). The package verifier checks a package
 * signer with it and the server checks a login certificate with it, so both answer alike. Nothing is fetched.
 * Depends on BouncyCastle, the JDK and {@code shared.signature} (algorithm policy, certificate names) only.
 */
package org.minedecl.shared.trust;
