package org.minedecl.server.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.minedecl.shared.signature.DemoCa;
import org.minedecl.shared.signature.Providers;
import org.minedecl.shared.signature.SigningCredential;

/**
 * Demo certificates (EC P-256, not for production): one CA, written with an empty CRL into the server's trust
 * directory, and one certificate per enterprise carrying its USCC as {@code minedecl keygen} makes them
 * (organizationIdentifier {@code NTRCN-<USCC>} and the GM/T 0015 extension). Valid from {@code from}, so that
 * filings of past quarters can be signed and received at their own times.
 */
public final class DemoPki {
    /** The CA's and its CRL's file names in the trust directory. */
    public static final String CA_FILE = "minedecl-demo-ca.pem";
    public static final String CRL_FILE = "minedecl-demo-ca.crl";
    private final DemoCa ca;
    private final Instant from;
    private final Instant to;

    /** A CA valid from {@code from} to {@code to}; its CRL is issued at {@code from} and good until {@code to}. */
    public DemoPki(Instant from, Instant to) {
        this.from = from;
        this.to = to;
        this.ca = new DemoCa(DemoCa.Alg.EC, from, to);
    }

    public X509Certificate ca() {
        return ca.certificate();
    }

    /** Writes the CA and an empty CRL into {@code trustDir}. */
    public void install(Path trustDir) {
        try {
            Files.createDirectories(trustDir);
            Files.writeString(trustDir.resolve(CA_FILE), DemoCa.pem(ca.certificate()), StandardCharsets.US_ASCII);
            Files.writeString(trustDir.resolve(CRL_FILE), DemoCa.pem(ca.crl(from, to)), StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new IllegalStateException("demo trust: " + e.getMessage(), e);
        }
    }

    /** A signing credential for the enterprise {@code uscc}. */
    public SigningCredential enterprise(String uscc, String name) {
        DemoCa.Issued issued = ca.enterprise(uscc, name, from, to);
        return new SigningCredential(issued.key(), List.of(issued.certificate(), ca.certificate()), Providers.bc());
    }
}
