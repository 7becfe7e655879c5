package org.minedecl.client.cli;

import org.minedecl.client.app.Language;
import org.minedecl.client.app.validation.VerificationService;
import org.minedecl.shared.signature.SignerIdentity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.minedecl.shared.signature.CertificateFiles;
import org.minedecl.shared.pkg.CheckResult;
import org.minedecl.shared.pkg.VerificationReport;
import org.minedecl.shared.rules.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code minedecl verify}: the full package validation (CONTRACTS section 3) with the same verifier the server
 * runs, then the declaration's findings. Exit 3 naming the failing check when the package is invalid.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify a signed .asice package and validate its declaration (验签)")
public class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PKG.asice")
    Path pkg;

    @Option(names = "--trust", required = true, paramLabel = "CA.pem", description = "trusted root certificate(s), PEM or DER")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--crl", paramLabel = "CRL.pem", description = "CRL(s), PEM or DER")
    List<Path> crl = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    String format;

    @Option(names = "--lang", paramLabel = "zh|en", description = "language of the text output (default zh)")
    String lang;

    @Option(names = "--at", paramLabel = "INSTANT", hidden = true,
            description = "validation time (ISO-8601 instant; default: now)")
    Instant at;

    @Override
    public Integer call() {
        Language messages = CliLanguage.errors(lang);
        if (!format.equals("text") && !format.equals("json")) {
            System.err.println("minedecl verify: " + messages.text("cli.format.invalid", format));
            return ExitCodes.USAGE;
        }
        if (!CliLanguage.valid(lang)) {
            System.err.println("minedecl verify: " + messages.text("cli.lang.invalid", lang));
            return ExitCodes.USAGE;
        }
        if (!Files.isRegularFile(pkg)) {
            System.err.println("minedecl verify: " + messages.text("cli.noSuchFile", pkg));
            return ExitCodes.USAGE;
        }
        List<X509Certificate> anchors;
        List<X509CRL> crls;
        try {
            anchors = CertificateFiles.certificates(trust);
            crls = CertificateFiles.crls(crl);
        } catch (Exception e) {
            System.err.println("minedecl verify: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        VerificationService.Result result = VerificationService.standard().verify(pkg, anchors, crls,
                at != null ? at : Instant.now());
        VerificationReport report = result.report();
        if (format.equals("json")) {
            printJson(report, result.findings());
        } else {
            printText(report, result.findings(), CliLanguage.results(lang));
        }
        if (!report.valid()) {
            CheckResult f = report.firstFailure().orElseThrow();
            System.err.println("minedecl verify: " + messages.text("verify.invalid", f.check(), f.code(),
                    f.category(), f.detail()));
            return ExitCodes.PACKAGE_INVALID;
        }
        if (result.errors() > 0) {
            System.err.println("minedecl verify: " + messages.text("verify.declarationErrors", result.errors()));
            return ExitCodes.DECLARATION_ERRORS;
        }
        return ExitCodes.OK;
    }

    private static void printText(VerificationReport r, List<Finding> findings, Language language) {
        for (CheckResult c : r.checks()) {
            System.out.println(c.passed() ? "PASS " + c.check() + "  " + c.detail()
                    : "FAIL " + c.check() + "  " + c.code() + " (" + c.category() + "): " + c.detail()
                    + org.minedecl.shared.pkg.FailureCode.of(c.code()).map(fc -> " - " + fc.text(language.code())).orElse(""));
        }
        if (r.valid()) {
            System.out.println(language.text("verify.valid", SignerIdentity.displayName(r.signer()),
                    r.signingTime()));
            FindingText.printGrouped(System.out::println, findings, language);
            System.out.println(language.text("verify.findings", findings.size()));
        }
    }

    private static void printJson(VerificationReport r, List<Finding> findings) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", r.valid());
        r.firstFailure().ifPresent(f -> {
            Map<String, Object> ff = new LinkedHashMap<>();
            ff.put("check", f.check());
            ff.put("code", f.code());
            ff.put("category", f.category());
            ff.put("detail", f.detail());
            out.put("failure", ff);
        });
        List<Map<String, Object>> checks = new ArrayList<>();
        for (CheckResult c : r.checks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("check", c.check());
            m.put("passed", c.passed());
            if (!c.passed()) {
                m.put("code", c.code());
                m.put("category", c.category());
            }
            m.put("detail", c.detail());
            checks.add(m);
        }
        out.put("checks", checks);
        if (r.valid()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("subject", SignerIdentity.displayName(r.signer()));
            s.put("serialNumber", r.signer().getSerialNumber().toString(16));
            s.put("notBefore", r.signer().getNotBefore().toInstant().toString());
            s.put("notAfter", r.signer().getNotAfter().toInstant().toString());
            out.put("signer", s);
            out.put("signingTime", r.signingTime().toString());
        }
        out.put("findings", findings);
        try {
            System.out.println(new ObjectMapper().registerModule(new JavaTimeModule())
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
