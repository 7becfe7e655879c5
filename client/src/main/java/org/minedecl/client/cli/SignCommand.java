package org.minedecl.client.cli;

import org.minedecl.shared.signature.SignerIdentity;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.minedecl.shared.declaration.Attachment;
import org.minedecl.shared.pkg.PackageAttachment;
import org.minedecl.shared.pkg.PackageWriter;
import org.minedecl.shared.rules.DeclarationValidator;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.rules.Severity;
import org.minedecl.shared.signature.SignatureAlgorithm;
import org.minedecl.shared.signature.SignerException;
import org.minedecl.shared.signature.SignerSource;
import org.minedecl.shared.signature.SigningCredential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code minedecl sign}: validates a declaration, then signs it with its attachments into an {@code .asice}. */
@Command(name = "sign", description = "Validate and sign a declaration into an .asice package (签名打包)")
public class SignCommand implements Callable<Integer> {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Parameters(index = "0", paramLabel = "FILE.json", description = "the declaration")
    Path file;

    @Option(names = "--keystore", paramLabel = "KS.p12", description = "PKCS#12 file with the enterprise key")
    Path keystore;

    @Option(names = "--pkcs11", paramLabel = "CONFIG", description = "SunPKCS11 configuration of a USB key/token")
    Path pkcs11;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", description = "language of the findings")
    String lang;

    @Option(names = "--alias", description = "key entry (default: the only one)")
    String alias;

    @Option(names = "--storepass-file", paramLabel = "F", description = "file whose first line is the password/PIN")
    Path storepassFile;

    @Option(names = "--storepass-env", paramLabel = "VAR", description = "environment variable holding the password/PIN")
    String storepassEnv;

    @Option(names = "--attach", paramLabel = "PATH", description = "attachment, stored as attachments/<file name>")
    List<Path> attach = new ArrayList<>();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.asice")
    Path out;

    @Option(names = "--pss", description = "RSA keys: sign with RSASSA-PSS instead of PKCS#1 v1.5")
    boolean pss;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "validate as of this day (default: today)")
    LocalDate asOf;

    @Override
    public Integer call() {
        if ((keystore == null) == (pkcs11 == null)) {
            System.err.println("minedecl sign: give exactly one of --keystore or --pkcs11");
            return ExitCodes.USAGE;
        }
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            System.err.println("minedecl sign: no such file: " + file);
            return ExitCodes.USAGE;
        } catch (Exception e) {
            System.err.println("minedecl sign: cannot read " + file + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        LocalDate today = asOf != null ? asOf : LocalDate.now(CHINA);
        DeclarationValidator.ValidationResult v = new DeclarationValidator(RuleEngine.standard()).validate(json, today,
                null);
        if (v.hasErrors()) {
            FindingText.printGrouped(System.out::println,
                    v.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList(), lang);
            System.err.println("minedecl sign: not signed, the declaration has "
                    + v.findings().stream().filter(f -> f.severity() == Severity.ERROR).count() + " ERROR finding(s)");
            return ExitCodes.DECLARATION_ERRORS;
        }
        List<PackageAttachment> attachments = new ArrayList<>();
        TreeSet<String> given = new TreeSet<>();
        for (Path p : attach) {
            if (!Files.isRegularFile(p)) {
                System.err.println("minedecl sign: attachment not found: " + p);
                return ExitCodes.USAGE;
            }
            try {
                PackageAttachment a = PackageAttachment.of(p);
                if (!given.add(a.packagePath())) {
                    System.err.println("minedecl sign: two attachments named " + a.packagePath());
                    return ExitCodes.USAGE;
                }
                attachments.add(a);
            } catch (IllegalArgumentException e) {
                System.err.println("minedecl sign: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        TreeSet<String> declared = new TreeSet<>();
        for (Attachment a : v.declaration().attachments()) {
            declared.add(a.path());
        }
        if (!declared.equals(given)) {
            TreeSet<String> missing = new TreeSet<>(declared);
            missing.removeAll(given);
            TreeSet<String> extra = new TreeSet<>(given);
            extra.removeAll(declared);
            System.err.println("minedecl sign: --attach files do not match declaration.attachments"
                    + (missing.isEmpty() ? "" : "; declared but not attached: " + String.join(", ", missing))
                    + (extra.isEmpty() ? "" : "; attached but not declared: " + String.join(", ", extra)));
            return ExitCodes.DECLARATION_ERRORS;
        }
        char[] secret;
        try {
            secret = SecretInput.read(storepassFile, storepassEnv, keystore != null ? "keystore password" : "PIN");
        } catch (SecretInput.MissingSecret e) {
            System.err.println("minedecl sign: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            SignerSource source = keystore != null ? new SignerSource.Pkcs12File(keystore, secret, alias)
                    : new SignerSource.Pkcs11Token(pkcs11, secret, alias);
            SigningCredential credential = source.open();
            SignatureAlgorithm alg = SignatureAlgorithm.forKey(credential.certificate().getPublicKey(), pss);
            PackageWriter.WrittenPackage w = new PackageWriter(Clock.systemUTC()).write(json, attachments, credential,
                    alg, out, null);
            System.out.println("signed " + w.path() + " (" + w.size() + " bytes, " + alg.jcaName() + ") as "
                    + SignerIdentity.displayName(credential.certificate()) + " at " + w.signingTime());
            return ExitCodes.OK;
        } catch (SignerException e) {
            System.err.println("minedecl sign: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (Exception e) {
            System.err.println("minedecl sign: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
            return ExitCodes.USAGE;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
