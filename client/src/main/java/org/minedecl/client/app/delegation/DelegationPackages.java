package org.minedecl.client.app.delegation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
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
        String uscc = SignerIdentity.readUscc(cert).code();
        if (uscc == null) {
            throw new Refused("the certificate carries no valid unified social credit code of an enterprise");
        }
        Delegation d = new Delegation(new Delegation.Party(uscc, enterpriseName(cert)),
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

    /** A delegation the server registered: its id, and whether this upload registered it (else it was before). */
    public record Registered(String delegationId, boolean created) {
    }

    /** The server said no to a delegation package: its status, problem code and detail. */
    public static final class NotRegistered extends Exception {
        private final int status;
        private final String code;

        public NotRegistered(int status, String code, String detail) {
            super(status + " " + code + ": " + detail);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /**
     * Registers a written delegation package with the server ({@code POST /api/v1/delegations}; no login: the
     * enterprise's signature names it). The same package again answers with the delegation registered before.
     */
    public static Registered register(URI server, Path grant) throws IOException, InterruptedException,
            NotRegistered {
        HttpRequest r = HttpRequest.newBuilder(server.resolve("/api/v1/delegations")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/vnd.etsi.asic-e+zip")
                .POST(HttpRequest.BodyPublishers.ofFile(grant)).build();
        HttpResponse<String> a = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build()
                .send(r, HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = new ObjectMapper().readTree(a.body());
        } catch (IOException notJson) {
            body = null;
        }
        if (a.statusCode() == 200 || a.statusCode() == 201) {
            return new Registered(body == null ? "" : body.path("delegationId").asText(), a.statusCode() == 201);
        }
        throw new NotRegistered(a.statusCode(), body == null ? "HTTP_" + a.statusCode()
                : body.path("code").asText("HTTP_" + a.statusCode()), body == null ? "" : body.path("detail").asText());
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
