package org.minedecl.client.app.validation;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.shared.pkg.PackageVerifier;
import org.minedecl.shared.pkg.VerificationPolicy;
import org.minedecl.shared.pkg.VerificationReport;
import org.minedecl.shared.rules.DeclarationValidator;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.rules.Severity;

/**
 * The full check of a signed package with the verifier the server runs (CONTRACTS section 3), then its
 * declaration's findings as of the signing day in Asia/Shanghai.
 */
public final class VerificationService {
    private final RuleEngine engine;

    public VerificationService(RuleEngine engine) {
        this.engine = engine;
    }

    public static VerificationService standard() {
        return new VerificationService(RuleEngine.standard());
    }

    /**
     * @param signingDay the business date of the signing time (null when the package is invalid)
     * @param findings   the declaration's findings (empty when the package is invalid)
     */
    public record Result(VerificationReport report, LocalDate signingDay, List<Finding> findings) {
        public long errors() {
            return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        }
    }

    /**
     * @param trust the trusted roots
     * @param crls  CRLs for every CA below them
     * @param at    the validation time
     */
    public Result verify(Path pkg, List<X509Certificate> trust, List<X509CRL> crls, Instant at) {
        VerificationReport report = new PackageVerifier(new VerificationPolicy(trust, crls, at)).verify(pkg);
        if (!report.valid()) {
            return new Result(report, null, List.of());
        }
        LocalDate day = BusinessClock.dateOf(report.signingTime());
        return new Result(report, day, new DeclarationValidator(engine).validate(report.parsedDeclaration(), day,
                null).findings());
    }
}
