package org.minedecl.server.trust;

import jakarta.inject.Singleton;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.List;
import org.minedecl.shared.pkg.CheckResult;
import org.minedecl.shared.pkg.DelegationRegistry;
import org.minedecl.shared.pkg.PackageVerifier;
import org.minedecl.shared.pkg.VerificationPolicy;
import org.minedecl.shared.pkg.VerificationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies an uploaded package with the shared verifier against the trust directory, as of the receipt time
 * (revocation is checked then, not at the signing time the signer claims).
 */
@Singleton
public class PackageCheck {
    private static final Logger LOG = LoggerFactory.getLogger(PackageCheck.class);
    private final TrustStore trust;
    private final DelegationRegistry delegations;

    /** @param delegations live consultant delegations (the {@code delegation} feature's registry) */
    public PackageCheck(TrustStore trust, DelegationRegistry delegations) {
        this.trust = trust;
        this.delegations = delegations;
    }

    /** Verifies the package held in {@code asice} (all of it, read with positional reads). */
    public VerificationReport verify(FileChannel asice, Instant receivedAt) {
        TrustStore.Snapshot s = trust.current();
        try {
            return new PackageVerifier(new VerificationPolicy(s.anchors(), s.crls(), receivedAt), delegations)
                    .verify(asice);
        } catch (RuntimeException e) {
            // The verifier promises never to throw on hostile input; if it does, that is its bug, and the
            // package is still refused as unreadable rather than answered with a 5xx.
            LOG.error("package verifier failed: {}", e.toString());
            return new VerificationReport(List.of(new CheckResult("verifier", false, "VERIFIER_FAILED",
                    "PACKAGE_INVALID", "the package could not be read")), null, null, null, null);
        }
    }
}
