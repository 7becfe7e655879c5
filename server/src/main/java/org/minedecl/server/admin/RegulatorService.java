package org.minedecl.server.admin;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.minedecl.server.access.AccessService;
import org.minedecl.server.access.CertificateRef;
import org.minedecl.server.access.Principal;
import org.minedecl.server.access.Role;
import org.minedecl.server.problem.AuditLog;
import org.minedecl.server.problem.Problem;
import org.minedecl.shared.signature.Providers;
import org.minedecl.shared.signature.SignerIdentity;

/**
 * The regulator registry for administrators: register a certificate with its jurisdictions, list, remove. A
 * certificate may be registered once at a time; removal is immediate for its tokens (the authenticator asks the
 * registry on every request).
 */
@Singleton
public class RegulatorService {
    private final RegulatorRepository repository;
    private final AccessService access;
    private final Clock clock;

    public RegulatorService(RegulatorRepository repository, AccessService access, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.clock = clock;
    }

    public String register(Principal admin, String certificatePem, String name, List<String> jurisdictions) {
        access.requireRole(admin, Role.ADMINISTRATOR, "register regulators");
        if (name == null || name.isBlank() || name.length() > 256) {
            throw bad("name is required (at most 256 characters)");
        }
        if (jurisdictions == null || jurisdictions.isEmpty() || jurisdictions.size() > 50) {
            throw bad("jurisdictions: one to 50 GB/T 2260 codes");
        }
        for (String j : jurisdictions) {
            if (j == null || !j.matches("\\d{6}")) {
                throw bad("jurisdictions: each a 6-digit GB/T 2260 code");
            }
        }
        X509Certificate cert = parse(certificatePem);
        CertificateRef ref = CertificateRef.of(cert, null);
        if (repository.byFingerprint(ref.fingerprint()).isPresent()) {
            throw Problem.of(HttpStatus.CONFLICT, "REGULATOR_ALREADY_REGISTERED",
                    "this certificate is already registered").exception();
        }
        String id = java.util.UUID.randomUUID().toString();
        repository.insert(new RegulatorRepository.Row(id, name, ref.fingerprint(), ref.subject(), ref.serial(),
                List.copyOf(new LinkedHashSet<>(jurisdictions)), clock.instant(), null), certificatePem.strip(),
                admin.certificate().audit());
        AuditLog.auth("regulator-registered", admin.audit(), "regulator " + id + " " + ref.subject() + " "
                + jurisdictions);
        return id;
    }

    public List<RegulatorRepository.Row> list(Principal admin) {
        access.requireRole(admin, Role.ADMINISTRATOR, "list regulators");
        return repository.list();
    }

    /** Removes it; 404 when no such regulator is registered. */
    public void remove(Principal admin, String id) {
        access.requireRole(admin, Role.ADMINISTRATOR, "remove regulators");
        if (!repository.remove(id, clock.instant(), admin.certificate().audit())) {
            throw Problem.of(HttpStatus.NOT_FOUND, "REGULATOR_NOT_FOUND", "no registered regulator "
                    + AuditLog.escape(id)).exception();
        }
        AuditLog.auth("regulator-removed", admin.audit(), "regulator " + id);
    }

    private static X509Certificate parse(String pem) {
        if (pem == null || pem.length() > 64 * 1024) {
            throw bad("certificate: one PEM certificate is required");
        }
        try {
            Collection<? extends java.security.cert.Certificate> certs = CertificateFactory.getInstance("X.509",
                    Providers.bc()).generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> out = new ArrayList<>();
            for (var c : certs) {
                out.add((X509Certificate) c);
            }
            if (out.size() != 1) {
                throw bad("certificate: exactly one PEM certificate is required");
            }
            SignerIdentity.displayName(out.get(0));
            return out.get(0);
        } catch (org.minedecl.server.problem.ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw bad("certificate: not a readable PEM certificate");
        }
    }

    private static org.minedecl.server.problem.ProblemException bad(String detail) {
        return Problem.of(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", detail).exception();
    }
}
