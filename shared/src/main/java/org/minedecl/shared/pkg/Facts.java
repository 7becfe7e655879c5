package org.minedecl.shared.pkg;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cms.SignerInformation;

/** What the checks learn about one package as they go (EU DSS's "diagnostic data"); filled in check order. */
final class Facts {
    final VerificationPolicy policy;
    final DelegationRegistry delegations;
    /** What the package carries as its signed document. */
    final SignedDocument document;
    List<ZipEntryFacts> entries;
    Map<String, ZipEntryFacts> byName;
    /** The signed document's bytes (declaration.json, or delegation.json for a delegation package). */
    byte[] declaration;
    /** The manifest's and the signature's entry names (EN 319 162-1 allows several). */
    String manifestName;
    String signatureName;
    byte[] manifest;
    byte[] signatureFile;
    /** Manifest references: decoded path to expected SHA-256. */
    Map<String, byte[]> references;
    org.bouncycastle.cms.CMSSignedData cms;
    SignerInformation signerInfo;
    List<X509Certificate> bag;
    X509Certificate signer;
    Instant signingTime;
    byte[] messageDigest;
    byte[] essCertHash;
    org.bouncycastle.asn1.x509.AlgorithmIdentifier essHashAlg;
    org.bouncycastle.asn1.x509.IssuerSerial essIssuerSerial;
    /** The validated path: signer first, without the anchor; and the anchor certificate. */
    org.minedecl.shared.trust.CertificateValidator.ValidPath path;
    DeclarationFacts declarationFacts;
    /** delegation.json as {@link org.minedecl.shared.delegation.DelegationDocument} read it (delegation packages). */
    org.minedecl.shared.delegation.Delegation delegation;
    /** declaration.json as {@link org.minedecl.shared.declaration.DeclarationParser} read it. */
    org.minedecl.shared.declaration.ParseResult parsedDeclaration;

    Facts(VerificationPolicy policy, DelegationRegistry delegations, SignedDocument document) {
        this.policy = policy;
        this.delegations = delegations;
        this.document = document;
    }
}
