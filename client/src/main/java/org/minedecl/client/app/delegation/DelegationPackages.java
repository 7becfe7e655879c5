package org.minedecl.client.app.delegation;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.minedecl.shared.declaration.Uscc;
import org.minedecl.shared.delegation.Delegation;
import org.minedecl.shared.delegation.DelegationDocument;
import org.minedecl.shared.pkg.PackageWriter;
import org.minedecl.shared.pkg.SignedDocument;
import org.minedecl.shared.signature.SignerException;
import org.minedecl.shared.signature.SignerIdentity;
import org.minedecl.shared.signature.SigningCredential;

/**
 * Makes a delegation package: the enterprise is the one whose certificate signs (its USCC read from the certificate
 * as for declarations, its name from the certificate's organization or common name); the document is checked by
 * the same strict reader the server uses before anything is signed.
 */
public final class DelegationPackages {
    private final Clock clock;

    public DelegationPackages(Clock clock) {
        this.clock = clock;
    }

    /** What the enterprise grants. */
    public record Grant(String consultantUscc, String consultantName, Set<Delegation.Scope> scope,
                        List<String> miningLicences, LocalDate validFrom, LocalDate validTo) {
    }

    /** A grant that cannot be made, with one readable line. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** The delegation the enterprise of {@code credential} would sign. */
    public Delegation delegation(SigningCredential credential, Grant grant) throws Refused {
        X509Certificate cert = credential.certificate();
        List<SignerIdentity.Candidate> codes = SignerIdentity.usccCandidates(cert);
        if (codes.isEmpty() || !Uscc.isValid(codes.get(0).value())) {
            throw new Refused("the certificate carries no valid unified social credit code of an enterprise");
        }
        Delegation d = new Delegation(new Delegation.Party(codes.get(0).value(), enterpriseName(cert)),
                new Delegation.Party(grant.consultantUscc(), grant.consultantName()), grant.scope(),
                grant.miningLicences(), grant.validFrom(), grant.validTo());
        DelegationDocument.Parsed check = DelegationDocument.parse(DelegationDocument.write(d));
        if (check.problem() != null) {
            throw new Refused(check.problem());
        }
        return d;
    }

    /** Signs the delegation into {@code out}. */
    public PackageWriter.WrittenPackage write(SigningCredential credential, Grant grant, Path out)
            throws Refused, IOException, SignerException {
        Delegation d = delegation(credential, grant);
        return new PackageWriter(clock).write(SignedDocument.DELEGATION, DelegationDocument.write(d), List.of(),
                credential, null, out, null);
    }

    private static String enterpriseName(X509Certificate cert) {
        X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        for (var oid : List.of(BCStyle.O, BCStyle.CN)) {
            RDN[] rdns = name.getRDNs(oid);
            if (rdns.length > 0) {
                return IETFUtils.valueToString(rdns[0].getFirst().getValue());
            }
        }
        return SignerIdentity.displayName(cert);
    }
}
