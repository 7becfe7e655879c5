/**
 * Certificate login (CONTRACTS section 7): a challenge (a nonce, good once for 5 minutes, kept in the database so
 * every instance knows it), a CMS signature over it checked by the same certificate validator as package signers
 * ({@link org.minedecl.shared.trust.CertificateValidator}), and an access token (JWT, micronaut-security-jwt,
 * HS256 with a key file that instances share). {@link org.minedecl.server.auth.Authenticator} turns a request's
 * bearer token into a {@link org.minedecl.server.access.Principal}, checking revocation and the registry on every
 * request. Depends on {@code access}, {@code trust}, {@code config}, {@code problem}.
 */
package org.minedecl.server.auth;
