package org.minedecl.shared.pkg;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * What a package is checked against: trust anchors, CRLs, and the validation time (the receipt time on the
 * server: revocation is checked as of then, not as of the signing time the signer claims).
 */
public record VerificationPolicy(List<X509Certificate> trustAnchors, List<X509CRL> crls, Instant validationTime) {
    public VerificationPolicy {
        trustAnchors = List.copyOf(trustAnchors);
        crls = List.copyOf(crls);
    }
}
