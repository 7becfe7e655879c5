package org.minedecl.client.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import org.minedecl.client.app.Cancellation;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.ProgressListener;
import org.minedecl.client.app.receipts.ReceiptStore;
import org.minedecl.client.app.submission.SubmissionResult;
import org.minedecl.client.app.submission.SubmissionService;
import org.minedecl.client.app.support.ClientError;
import org.minedecl.client.app.support.ClientErrors;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.LocalizedText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code minedecl submit PKG.asice --server URL}: uploads a signed package ({@link SubmissionService}), shows
 * progress on stderr, prints the receipt id on stdout and keeps the signed receipt (DER CMS) beside the package as
 * {@code PKG.asice.receipt} ({@link ReceiptStore}).
 *
 * <p>Exit codes: 0 accepted (also when the server already had the identical package); 1 the server refused the
 * declaration (422 DECLARATION_INVALID with findings, 409 PERIOD_ALREADY_FILED or an amendment conflict);
 * 3 the server refused the package or its signature (400, 413, 422 SIGNATURE_INVALID, CERT_*, SIGNER_MISMATCH,
 * ALG_NOT_ALLOWED); 4 server or network error. A server that is unavailable (502, 503, 504) or unreachable is tried
 * again {@code --retries} times first, with growing waits: an upload is idempotent (the identical package again
 * gets its first receipt).
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"上传申报包 / upload a signed package to the server and store its receipt",
                "Exit codes: 0 accepted, 1 declaration refused, 2 usage error, 3 package refused, 4 server or "
                        + "network error."})
public class SubmitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PKG.asice", description = "the signed package")
    Path pkg;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "server base URL, e.g. http://localhost:8080")
    URI server;

    @Option(names = "--receipt", paramLabel = "FILE", description = "where to store the receipt (default: PKG.asice.receipt)")
    Path receiptFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300", description = "read timeout (default 300)")
    int timeoutSeconds;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3", description = "times to try again when the "
            + "server is unavailable (502, 503, 504) or cannot be reached, waiting 2, 4, 8 ... s (default 3); "
            + "safe: the server answers the identical package again with its first receipt")
    int retries;

    @Option(names = "--lang", paramLabel = "zh|en", description = "language of the messages (default: the locale's)")
    String lang;

    PrintStream out = System.out;
    PrintStream err = System.err;
    /** Waits between tries (tests replace it). */
    LongConsumer sleeper = millis -> {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    @Override
    public Integer call() {
        Language language = CliLanguage.errors(lang);
        if (!CliLanguage.valid(lang)) {
            err.println("minedecl submit: " + language.text("cli.lang.invalid", lang));
            return ExitCodes.USAGE;
        }
        if (!Files.isRegularFile(pkg)) {
            err.println("minedecl submit: " + language.text("cli.noSuchFile", pkg));
            return ExitCodes.USAGE;
        }
        if (retries < 0) {
            err.println("minedecl submit: " + language.text("submit.retriesInvalid"));
            return ExitCodes.USAGE;
        }
        Path target = receiptFile != null ? receiptFile : ReceiptStore.besidePackage(pkg);
        Progress progress = new Progress(language);
        SubmissionResult result;
        try {
            result = new SubmissionService(server, Duration.ofSeconds(timeoutSeconds), retries, sleeper)
                    .submit(pkg, progress, Cancellation.NEVER);
        } catch (IOException e) {
            progress.endLine();
            err.println("minedecl submit: " + language.text("cli.cannotRead", pkg, ClientErrors.oneLine(e)));
            return ExitCodes.USAGE;
        }
        progress.endLine();
        if (result instanceof SubmissionResult.Accepted) {
            return accepted((SubmissionResult.Accepted) result, target, language);
        }
        err.println("minedecl submit: " + result.message(language));
        if (result instanceof SubmissionResult.Refused) {
            SubmissionResult.Refused refused = (SubmissionResult.Refused) result;
            for (Finding f : refused.findings()) {
                err.println("  " + f.severity() + " " + f.ruleId() + " " + f.path() + ": "
                        + (f.message() == null ? "" : language.pick(f.message())));
            }
            ClientError explained = ClientErrors.explain(refused);
            if (explained.nextStep() != null) { // a refusal the user can act on: what it means and what to do
                err.println("  " + explained.text(language));
            }
            switch (refused.kind()) {
                case PACKAGE:
                    return ExitCodes.PACKAGE_INVALID;
                case DECLARATION:
                    return ExitCodes.DECLARATION_ERRORS;
                default:
                    return ExitCodes.SERVER;
            }
        }
        return ExitCodes.SERVER;
    }

    /** Keeps the receipt of an accepted upload and says so. */
    private int accepted(SubmissionResult.Accepted a, Path target, Language language) {
        try {
            ReceiptStore.store(target, a.signedReceipt());
        } catch (IOException | RuntimeException e) {
            err.println("minedecl submit: " + language.text("submit.receiptNotStored", a.receipt().receiptId(), target,
                    ClientErrors.oneLine(e)));
            return ExitCodes.SERVER;
        }
        out.println(a.receipt().receiptId());
        err.println(a.message(language) + language.text("submit.storedIn", target));
        if (a.rulePacksDiffer()) {
            err.println(a.rulePackNote(language));
        }
        return ExitCodes.OK;
    }

    /** The share uploaded so far on one stderr line, and the retries' waits. */
    private final class Progress implements ProgressListener {
        private final Language language;
        private long shown = -1;
        private boolean open;

        Progress(Language language) {
            this.language = language;
        }

        @Override
        public void progress(String phase, long done, long total) {
            long pct = total == 0 ? 100 : done * 100 / total;
            if (pct != shown) {
                shown = pct;
                open = true;
                err.print("\r" + language.text("submit.progress", pkg.getFileName(), pct, total));
            }
        }

        @Override
        public void retrying(int nextTry, int tries, long waitMillis, LocalizedText reason) {
            endLine();
            err.println("minedecl submit: " + language.text("submit.retrying", language.pick(reason),
                    (waitMillis + 999) / 1000, nextTry, tries));
            shown = -1;
        }

        void endLine() {
            if (open) {
                err.println();
                open = false;
            }
        }
    }
}
