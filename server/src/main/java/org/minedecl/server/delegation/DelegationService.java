package org.minedecl.server.delegation;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.minedecl.server.access.CertificateRef;
import org.minedecl.server.access.Principal;
import org.minedecl.server.config.DataDirectory;
import org.minedecl.server.problem.AuditLog;
import org.minedecl.server.problem.Problem;
import org.minedecl.server.problem.ProblemException;
import org.minedecl.server.trust.TrustStore;
import org.minedecl.shared.delegation.Delegation;
import org.minedecl.shared.delegation.DelegationDocument;
import org.minedecl.shared.pkg.CheckResult;
import org.minedecl.shared.pkg.DelegationRegistry;
import org.minedecl.shared.pkg.PackageVerifier;
import org.minedecl.shared.pkg.SignedDocument;
import org.minedecl.shared.pkg.VerificationPolicy;
import org.minedecl.shared.pkg.VerificationReport;
import org.minedecl.shared.signature.SignerIdentity;

/**
 * Delegations (CONTRACTS section 8): a {@code delegation/1} package signed by the enterprise is checked by the
 * package verifier (the same container, CMS and certificate checks as declarations, as of now) and stored; the
 * same package again answers with the stored delegation. Listing shows what the caller gave or received; only the
 * enterprise revokes.
 */
@Singleton
public class DelegationService {
    /** Largest delegation package (it carries one small JSON document). */
    public static final int MAX_BYTES = 1 << 20;
    private final DelegationRepository repository;
    private final TrustStore trust;
    private final DataDirectory dataDirectory;
    private final Clock clock;

    public DelegationService(DelegationRepository repository, TrustStore trust, DataDirectory dataDirectory,
                             Clock clock) {
        this.repository = repository;
        this.trust = trust;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
    }

    /** A stored delegation and whether this call stored it. */
    public record Registered(DelegationRepository.Row row, boolean created) {
    }

    public Registered register(InputStream body) {
        byte[] pkg = read(body);
        String sha256 = sha256(pkg);
        Optional<DelegationRepository.Row> known = repository.findByPackage(sha256);
        if (known.isPresent()) {
            return new Registered(known.get(), false);
        }
        Instant now = clock.instant();
        TrustStore.Snapshot s = trust.current();
        VerificationReport report = verify(pkg, new VerificationPolicy(s.anchors(), s.crls(), now));
        if (!report.valid()) {
            CheckResult failed = report.firstFailure().orElseThrow();
            String category = failed.category() == null ? "PACKAGE_INVALID" : failed.category();
            HttpStatus status = "PACKAGE_INVALID".equals(category) || "JSON_LIMIT_EXCEEDED".equals(category)
                    ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
            AuditLog.auth("delegation-refused", signerOf(report), failed.code() + ": " + failed.detail());
            throw Problem.of(status, category, AuditLog.escape(failed.detail()))
                    .withChecks(report.checks().stream().filter(c -> !c.passed()).toList()).exception();
        }
        Delegation d = DelegationDocument.parse(report.declarationBytes()).delegation();
        DelegationRepository.Row row = new DelegationRepository.Row(UUID.randomUUID().toString(),
                d.enterprise().uscc(), d.enterprise().name(), d.consultant().uscc(), d.consultant().name(),
                d.scope().stream().map(Enum::name).sorted().toList(), d.miningLicences(), d.validFrom(), d.validTo(),
                now, null);
        try {
            repository.insert(row, sha256, pkg, SignerIdentity.displayName(report.signer()));
        } catch (RuntimeException e) {
            // the same package stored at the same moment by another request or instance
            Optional<DelegationRepository.Row> raced = repository.findByPackage(sha256);
            if (raced.isPresent()) {
                return new Registered(raced.get(), false);
            }
            throw e;
        }
        AuditLog.auth("delegation-registered", signerOf(report), "delegation " + row.id() + " to "
                + d.consultant().uscc() + " " + row.scope() + " " + d.validFrom() + ".." + d.validTo());
        return new Registered(row, true);
    }

    /** The signer's certificate as the audit trail names it (subject, USCC, serial), or "signer=-". */
    private static String signerOf(VerificationReport report) {
        return report.signer() == null ? "signer=-" : CertificateRef.of(report.signer(),
                SignerIdentity.readUscc(report.signer()).code()).audit();
    }

    /** Those the caller's USCC gave or received; 403 for a certificate without a USCC. */
    public List<DelegationRepository.Row> list(Principal p) {
        return repository.involving(requireUscc(p, "list delegations"));
    }

    /** The enterprise revokes its delegation: at once for reading and signing. */
    public DelegationRepository.Row revoke(Principal p, String id) {
        String uscc = requireUscc(p, "revoke delegations");
        ProblemException notFound = Problem.of(HttpStatus.NOT_FOUND, "DELEGATION_NOT_FOUND", "no delegation "
                + AuditLog.escape(id)).exception();
        DelegationRepository.Row r = repository.find(id).orElseThrow(() -> notFound);
        if (!uscc.equals(r.enterpriseUscc())) {
            if (uscc.equals(r.consultantUscc())) {
                AuditLog.access(p.audit(), "revoke delegation " + id, "only the enterprise revokes", 403);
                throw Problem.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "only the delegating enterprise revokes")
                        .exception();
            }
            AuditLog.access(p.audit(), "revoke delegation", "out of scope", 404);
            throw notFound;
        }
        if (repository.revoke(id, clock.instant(), p.certificate().audit())) {
            AuditLog.auth("delegation-revoked", p.audit(), "delegation " + id);
        }
        return repository.find(id).orElseThrow(() -> notFound);
    }

    private static String requireUscc(Principal p, String action) {
        if (p.uscc() == null) {
            AuditLog.access(p.audit(), action, "role", 403);
            throw Problem.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "only enterprises and consultants have delegations")
                    .exception();
        }
        return p.uscc();
    }

    private VerificationReport verify(byte[] pkg, VerificationPolicy policy) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dataDirectory.tmp(), "delegation-", ".asice");
            Files.write(tmp, pkg);
            return new PackageVerifier(policy, DelegationRegistry.NONE, SignedDocument.DELEGATION).verify(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // removed at the next start (DataDirectory clears tmp/)
                }
            }
        }
    }

    private static byte[] read(InputStream body) {
        try (InputStream in = body) {
            byte[] b = in.readNBytes(MAX_BYTES + 1);
            if (b.length > MAX_BYTES) {
                throw Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "PAYLOAD_TOO_LARGE", "a delegation package "
                        + "is at most " + MAX_BYTES + " bytes").exception();
            }
            return b;
        } catch (IOException e) {
            throw Problem.of(HttpStatus.BAD_REQUEST, "UPLOAD_INCOMPLETE", "the body could not be read").exception();
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
