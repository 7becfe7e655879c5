package org.minedecl.client.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.signing.Preparation;
import org.minedecl.client.app.signing.SigningService;
import org.minedecl.client.app.support.ClientError;
import org.minedecl.client.app.support.ClientErrors;
import org.minedecl.client.app.tokens.Pkcs11Tokens;
import org.minedecl.shared.signature.SignerException;
import org.minedecl.shared.signature.SigningCredential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code minedecl sign}: validates a declaration, then signs it with its attachments into an {@code .asice}
 * ({@link SigningService}); shows the FLAG findings it signs.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"签名打包 / validate and sign a declaration into an .asice package",
                "Exit codes: 0 signed, 1 ERROR findings or attachments that do not match, 2 usage error."})
public class SignCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.json", description = "the declaration")
    Path file;

    @Mixin
    KeyOptions key;

    @Option(names = "--lang", paramLabel = "zh|en", description = "language of the findings (default zh) and messages")
    String lang;


    @Option(names = "--attach", paramLabel = "PATH", description = "attachment, stored as attachments/<file name>")
    List<Path> attach = new ArrayList<>();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.asice")
    Path out;

    @Option(names = "--pss", description = "RSA keys: sign with RSASSA-PSS instead of PKCS#1 v1.5")
    boolean pss;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "validate as of this day (default: today in Asia/Shanghai)")
    LocalDate asOf;

    /** "Today" and the signing time (tests fix it). */
    BusinessClock clock = BusinessClock.system();

    @Override
    public Integer call() {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        Language err = CliLanguage.errors(lang);
        Language res = CliLanguage.results(lang);
        if (!CliLanguage.valid(lang)) {
            stderr.println("minedecl sign: " + err.text("cli.lang.invalid", lang));
            return ExitCodes.USAGE;
        }
        if (!key.oneSource()) {
            stderr.println("minedecl sign: " + err.text("sign.oneKeySource"));
            return ExitCodes.USAGE;
        }
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            stderr.println("minedecl sign: " + err.text("cli.noSuchFile", file));
            return ExitCodes.USAGE;
        } catch (Exception e) {
            stderr.println("minedecl sign: " + err.text("cli.cannotRead", file, e.getMessage()));
            return ExitCodes.USAGE;
        }
        SigningService service = SigningService.standard(clock);
        Preparation prep = service.prepare(json, attach, asOf, null);
        if (prep instanceof Preparation.Refused) {
            Preparation.Refused refused = (Preparation.Refused) prep;
            if (refused instanceof Preparation.HasErrors) {
                FindingText.printGrouped(stdout::println, ((Preparation.HasErrors) refused).errors(), res);
            }
            stderr.println("minedecl sign: " + refused.message(err));
            return refused.declarationProblem() ? ExitCodes.DECLARATION_ERRORS : ExitCodes.USAGE;
        }
        Preparation.Ready ready = (Preparation.Ready) prep;
        if (!ready.flags().isEmpty()) {
            stdout.println(res.text("sign.flagsAhead", ready.flags().size()));
            FindingText.printGrouped(stdout::println, ready.flags(), res);
            stdout.println();
        }
        char[] secret;
        try {
            secret = key.secret(err);
        } catch (SecretInput.MissingSecret e) {
            stderr.println("minedecl sign: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            SigningCredential credential = service.open(key.source(secret));
            SigningService.Signed w = service.sign(ready, credential, pss, out, null);
            stdout.println(err.text("sign.signed", w.path(), w.size(), w.algorithm().jcaName(),
                    w.certificate().holder(), w.signingTime())
                    + (w.flags().isEmpty() ? "" : " " + res.text("sign.withFlags", w.flags().size())));
            return ExitCodes.OK;
        } catch (SignerException e) {
            stderr.println("minedecl sign: " + signerProblem(e, err));
            return ExitCodes.USAGE;
        } catch (Exception e) {
            stderr.println("minedecl sign: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
            return ExitCodes.USAGE;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /**
     * A key that would not open, as one line: a sentence for the PIN, token and password problems a clerk can act
     * on (with the token's own warning when a wrong try may lock it), else the signer's own readable line.
     */
    private String signerProblem(SignerException e, Language language) {
        ClientError error = ClientErrors.explain(e);
        if (error.code().equals("FAILED")) {
            return e.getMessage();
        }
        String line = error.text(language);
        if (key.pkcs11 != null && error.code().equals("PIN_INCORRECT")) {
            try {
                line += new Pkcs11Tokens(Duration.ofSeconds(5)).tokenOf(key.pkcs11)
                        .flatMap(t -> t.pin().warning(language)).map(w -> " " + w).orElse("");
            } catch (Exception tokenInfoUnavailable) {
                // the warning is a courtesy; the sentence stands without it
            }
        }
        return line;
    }
}
