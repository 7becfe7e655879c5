package org.minedecl.client.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.batch.BatchProgress;
import org.minedecl.client.app.batch.BatchSigner;
import org.minedecl.client.app.batch.BatchSubmitter;
import org.minedecl.client.app.batch.BatchValidator;
import org.minedecl.client.app.signing.CertificateInfo;
import org.minedecl.client.app.signing.SigningService;
import org.minedecl.client.app.submission.SubmissionResult;
import org.minedecl.client.app.submission.SubmissionService;
import org.minedecl.client.app.support.ClientErrors;
import org.minedecl.client.app.tokens.SignaturePin;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.signature.SigningCredential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code minedecl batch validate|sign|submit DIR}: the batch services of {@code app/batch} over a folder, with
 * overall progress on stderr and a summary on stdout.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "批量检查、签名、上报一个文件夹 / validate, sign or submit a folder of declarations",
        subcommands = {BatchCommand.Validate.class, BatchCommand.Sign.class, BatchCommand.Submit.class})
public class BatchCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static PrintStream out() {
        return System.out;
    }

    /** Prints "[3/50] file" on stderr as each item starts, and its outcome when it ends. */
    static BatchProgress progress(Language lang, java.util.function.Function<Object, String> outcome) {
        return new BatchProgress() {
            @Override
            public void finished(int index, int total, Path item, Object result) {
                System.err.println(lang.text("batch.progress", index, total, item.getFileName()) + "  "
                        + outcome.apply(result));
            }
        };
    }

    /** {@code batch validate DIR}: one table of results. Exit 0 without ERRORs, 1 with, 2 usage. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "检查文件夹中的每份申报 / check every *.json declaration of a folder")
    static class Validate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR")
        Path dir;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "the signing date (default: today in Asia/Shanghai)")
        LocalDate asOf;

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text")
        String format;

        @Option(names = "--lang", paramLabel = "zh|en")
        String lang;

        @Override
        public Integer call() throws Exception {
            Language res = CliLanguage.results(lang);
            if (!CliLanguage.valid(lang)) {
                System.err.println("minedecl batch validate: " + CliLanguage.errors(lang).text("cli.lang.invalid", lang));
                return ExitCodes.USAGE;
            }
            if (!(format.equals("text") || format.equals("json"))) {
                System.err.println("minedecl batch validate: " + res.text("cli.format.invalid", format));
                return ExitCodes.USAGE;
            }
            if (!Files.isDirectory(dir)) {
                System.err.println("minedecl batch validate: " + res.text("batch.usage.notFolder", dir));
                return ExitCodes.USAGE;
            }
            LocalDate day = BusinessClock.system().today(asOf);
            List<BatchValidator.Result> results = new BatchValidator(RuleEngine.standard()).validate(dir, day);
            PrintStream out = out();
            if (format.equals("json")) {
                List<Object> rows = new ArrayList<>();
                for (BatchValidator.Result r : results) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", r.file());
                    m.put("mine", r.mine());
                    m.put("errors", r.errors());
                    m.put("flags", r.flags());
                    m.put("warnings", r.warnings());
                    m.put("first", r.first());
                    rows.add(m);
                }
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(Map.of("results", rows)));
            } else {
                out.println(res.text("batch.validate.header"));
                for (BatchValidator.Result r : results) {
                    out.println(r.file() + "\t" + (r.mine() == null ? "-" : r.mine()) + "\t" + r.errors() + "\t"
                            + r.flags() + "\t" + r.warnings() + "\t" + (r.first() == null ? "-"
                            : r.first().ruleId() + " " + r.first().path() + " " + r.first().message().in(res.code())));
                }
                out.println(res.text("batch.validate.summary", results.size(),
                        results.stream().filter(r -> r.errors() > 0).count(),
                        results.stream().filter(r -> r.flags() > 0).count()));
            }
            return results.stream().anyMatch(r -> r.errors() > 0) ? ExitCodes.DECLARATION_ERRORS : ExitCodes.OK;
        }
    }

    /**
     * {@code batch sign DIR --out OUT (--keystore KS.p12 | --pkcs11 CFG)}: one key for the whole folder. Exit 0 when
     * every declaration is signed (now or before), 1 when some are not signable (errors, attachments), 2 for a
     * usage error, a key that does not open (a wrong PIN: nothing is signed) or a failure that stopped the batch.
     */
    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "用同一密钥签署文件夹中的每份申报 / sign every declaration of a folder with one key")
    static class Sign implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "folder of *.json; attachments of a.json in a/")
        Path dir;

        @Option(names = "--out", required = true, paramLabel = "OUTDIR", description = "folder for the .asice packages")
        Path out;

        @Mixin
        KeyOptions key;

        @Option(names = "--one-by-one", description = "ask before each signature (default: sign all)")
        boolean oneByOne;

        @Option(names = "--pss", description = "RSA keys: RSASSA-PSS")
        boolean pss;

        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD")
        LocalDate asOf;

        @Option(names = "--lang", paramLabel = "zh|en")
        String lang;

        BusinessClock clock = BusinessClock.system();

        @Override
        public Integer call() throws Exception {
            Language err = CliLanguage.errors(lang);
            Language res = CliLanguage.results(lang);
            if (!CliLanguage.valid(lang)) {
                System.err.println("minedecl batch sign: " + err.text("cli.lang.invalid", lang));
                return ExitCodes.USAGE;
            }
            if (!key.oneSource()) {
                System.err.println("minedecl batch sign: " + err.text("sign.oneKeySource"));
                return ExitCodes.USAGE;
            }
            if (!Files.isDirectory(dir)) {
                System.err.println("minedecl batch sign: " + err.text("batch.usage.notFolder", dir));
                return ExitCodes.USAGE;
            }
            char[] secret;
            try {
                secret = key.secret(err);
            } catch (SecretInput.MissingSecret e) {
                System.err.println("minedecl batch sign: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            SigningService service = SigningService.standard(clock);
            BufferedReader console = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            // one by one: a key that demands the PIN for every signature asks for it before each one; an empty
            // answer (or the end of the input) cancels that signature and stops the batch
            SignaturePin askEachTime = label -> {
                String prompt = res.text("batch.sign.pinFor", label);
                java.io.Console con = System.console();
                if (con != null) {
                    char[] typed = con.readPassword("%s: ", prompt);
                    return typed == null || typed.length == 0 ? null : typed;
                }
                System.err.println(prompt + ":");
                try {
                    String line = console.readLine();
                    return line == null || line.isEmpty() ? null : line.toCharArray();
                } catch (java.io.IOException e) {
                    return null;
                }
            };
            SigningCredential credential;
            try {
                // opened once: a wrong PIN stops here, before anything is signed, and is not tried again
                credential = service.open(key.source(secret), oneByOne ? askEachTime : null);
            } catch (Exception e) {
                System.err.println("minedecl batch sign: " + ClientErrors.explain(e).text(err));
                return ExitCodes.USAGE;
            } finally {
                Arrays.fill(secret, '\0');
            }
            try {
                return signAll(service, credential, console, res);
            } finally {
                service.close(credential); // a kept PIN is cleared
            }
        }

        private int signAll(SigningService service, SigningCredential credential, BufferedReader console,
                Language res) throws java.io.IOException {
            CertificateInfo cert = service.describe(credential.certificate(), null);
            PrintStream stdout = out();
            stdout.println(res.text("batch.sign.certificate", cert.holder(), cert.uscc(), cert.notAfter()));
            if (service.demandsPinEachTime(credential)) {
                stdout.println(res.text(oneByOne ? "batch.sign.pinEachTime.oneByOne" : "batch.sign.pinEachTime.all"));
            }
            boolean[] all = {false};
            boolean[] quit = {false};
            org.minedecl.client.app.Cancellation cancel = new org.minedecl.client.app.Cancellation();
            BatchSigner.Confirm confirm = (file, ready) -> {
                if (all[0]) {
                    return true;
                }
                System.err.println(res.text("batch.sign.ask", file.getFileName(),
                        ready.declaration().mine() == null ? "" : ready.declaration().mine().name()));
                String answer;
                try {
                    answer = console.readLine();
                } catch (java.io.IOException e) {
                    answer = null;
                }
                answer = answer == null ? "q" : answer.strip().toLowerCase(java.util.Locale.ROOT);
                if (answer.equals("a")) {
                    all[0] = true;
                    return true;
                }
                if (answer.equals("q")) {
                    quit[0] = true;
                    cancel.cancel();
                    return false;
                }
                return answer.equals("y") || answer.equals("是");
            };
            BatchSigner.Summary summary = new BatchSigner(service).sign(dir, out, credential, pss, asOf,
                    oneByOne ? BatchSigner.Mode.ONE_BY_ONE : BatchSigner.Mode.ALL, confirm, cancel,
                    progress(res, o -> describe((BatchSigner.Outcome) o, res)));
            summary.items().stream().filter(i -> !(i.outcome() instanceof BatchSigner.Outcome.Signed))
                    .forEach(i -> stdout.println(i.declaration().getFileName() + ": " + describe(i.outcome(), res)));
            stdout.println(res.text("batch.sign.summary", summary.items().size(),
                    summary.count(BatchSigner.Outcome.Signed.class),
                    summary.count(BatchSigner.Outcome.AlreadySigned.class),
                    summary.count(BatchSigner.Outcome.Refused.class),
                    summary.count(BatchSigner.Outcome.Declined.class),
                    summary.count(BatchSigner.Outcome.NotReached.class)));
            if (summary.failed()) {
                return ExitCodes.USAGE;
            }
            return summary.count(BatchSigner.Outcome.Refused.class) > 0 ? ExitCodes.DECLARATION_ERRORS : ExitCodes.OK;
        }

        private static String describe(BatchSigner.Outcome o, Language res) {
            if (o instanceof BatchSigner.Outcome.Signed s) {
                return res.text("batch.sign.signed", s.pkg().getFileName(),
                        s.flags() == 0 ? "" : " " + res.text("batch.sign.withFlags", s.flags()));
            }
            if (o instanceof BatchSigner.Outcome.AlreadySigned a) {
                return res.text("batch.sign.already", a.pkg().getFileName());
            }
            if (o instanceof BatchSigner.Outcome.Refused r) {
                return res.text("batch.sign.refused", r.reason().message(res));
            }
            if (o instanceof BatchSigner.Outcome.Declined) {
                return res.text("batch.sign.declined");
            }
            if (o instanceof BatchSigner.Outcome.Failed f) {
                return res.text("batch.sign.failed", f.error().text(res));
            }
            if (o instanceof BatchSigner.Outcome.Cancelled) {
                return res.text("batch.sign.cancelled");
            }
            return res.text("batch.sign.notReached");
        }
    }

    /**
     * {@code batch submit DIR --server URL}: every package without a receipt. Exit 0 when every package has a
     * receipt, 1 when the server refused a declaration, 3 a package, 4 when some wait (server unavailable).
     */
    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = "上报文件夹中尚无回执的申报包 / upload every package of a folder that has no receipt yet")
    static class Submit implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "folder of *.asice; receipts are kept beside them")
        Path dir;

        @Option(names = "--server", required = true, paramLabel = "URL")
        URI server;

        @Option(names = "--retries", paramLabel = "N", defaultValue = "3")
        int retries;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300")
        int timeoutSeconds;

        @Option(names = "--lang", paramLabel = "zh|en")
        String lang;

        @Override
        public Integer call() throws Exception {
            Language res = CliLanguage.results(lang);
            if (!CliLanguage.valid(lang)) {
                System.err.println("minedecl batch submit: " + CliLanguage.errors(lang).text("cli.lang.invalid", lang));
                return ExitCodes.USAGE;
            }
            if (!Files.isDirectory(dir)) {
                System.err.println("minedecl batch submit: " + res.text("batch.usage.notFolder", dir));
                return ExitCodes.USAGE;
            }
            SubmissionService service = new SubmissionService(server, Duration.ofSeconds(timeoutSeconds), retries,
                    null);
            BatchSubmitter.Summary summary = new BatchSubmitter(service).submit(dir, null, null,
                    progress(res, o -> ((SubmissionResult) o).message(res)));
            PrintStream stdout = out();
            for (BatchSubmitter.Item i : summary.items()) {
                String line;
                if (i.hadReceipt()) {
                    line = res.text("batch.submit.hadReceipt");
                } else if (i.result() == null) {
                    line = res.text("batch.submit.waiting");
                } else {
                    line = i.result().message(res);
                }
                stdout.println(i.pkg().getFileName() + ": " + line);
            }
            stdout.println(res.text("batch.submit.summary", summary.items().size(), summary.receipts(),
                    summary.refused(), summary.waiting()));
            if (summary.waiting() > 0) {
                return ExitCodes.SERVER;
            }
            boolean packageRefused = summary.items().stream().anyMatch(i -> i.result() instanceof
                    SubmissionResult.Refused r && r.kind() == SubmissionResult.Refused.Kind.PACKAGE);
            if (packageRefused) {
                return ExitCodes.PACKAGE_INVALID;
            }
            return summary.refused() > 0 ? ExitCodes.DECLARATION_ERRORS : ExitCodes.OK;
        }
    }
}
