/**
 * Signing keys and signature algorithms: where a signing key comes from (a PKCS#12 file or a PKCS#11 token,
 * {@link org.minedecl.shared.signature.SignerSource}), which algorithms are allowed
 * ({@link org.minedecl.shared.signature.AlgorithmPolicy}) and the one raw signature check that both the package
 * verifier and the Wycheproof tests run ({@link org.minedecl.shared.signature.SignatureCheck}).
 * Depends on BouncyCastle and the JDK only.
 */
package org.minedecl.shared.signature;
