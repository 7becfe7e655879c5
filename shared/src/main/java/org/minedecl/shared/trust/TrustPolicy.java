package org.minedecl.shared.trust;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a certificate is checked against.
 *
 * @param anchors              trusted root certificates
 * @param crls                 revocation lists (one current CRL from each issuer on a path is required)
 * @param intermediates        configured intermediate CA certificates (never trust anchors themselves)
 * @param intermediatesCarried whether intermediates carried beside the certificate (a CMS certificate bag) may be
 *                             used to build the path; false = only configured intermediates count
 */
public record TrustPolicy(List<X509Certificate> anchors, List<X509CRL> crls, List<X509Certificate> intermediates,
                          boolean intermediatesCarried) {
    public TrustPolicy {
        anchors = List.copyOf(anchors);
        crls = List.copyOf(crls);
        intermediates = List.copyOf(intermediates);
    }

    /** Roots and CRLs; intermediates may come with the certificate. */
    public TrustPolicy(List<X509Certificate> anchors, List<X509CRL> crls) {
        this(anchors, crls, List.of(), true);
    }
}
