package org.minedecl.shared.pkg;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * What a package is checked against: trust anchors, CRLs, and the validation time (the receipt time on the
 * server: revocation is checked as of then, not as of the signing time the signer claims).
 *
 * @param intermediates              configured intermediate CA certificates (never trust anchors themselves)
 * @param intermediatesFromSignature whether intermediates carried in the signature's certificate bag may be used
 *                                   to build the chain; false = only configured intermediates count
 */
public record VerificationPolicy(List<X509Certificate> trustAnchors, List<X509CRL> crls, Instant validationTime,
                                 List<X509Certificate> intermediates, boolean intermediatesFromSignature) {
    public VerificationPolicy {
        trustAnchors = List.copyOf(trustAnchors);
        crls = List.copyOf(crls);
        intermediates = List.copyOf(intermediates);
    }

    /** Roots and CRLs; intermediates may come from the signature. */
    public VerificationPolicy(List<X509Certificate> trustAnchors, List<X509CRL> crls, Instant validationTime) {
        this(trustAnchors, crls, validationTime, List.of(), true);
    }

    /** The same policy, using only these configured intermediates (none from signatures). */
    public VerificationPolicy onlyConfiguredIntermediates(List<X509Certificate> configured) {
        return new VerificationPolicy(trustAnchors, crls, validationTime, configured, false);
    }
}
