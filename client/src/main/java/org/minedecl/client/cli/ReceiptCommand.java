package org.minedecl.client.cli;

import org.minedecl.shared.signature.CertificateFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.receipts.ReceiptStore;
import org.minedecl.shared.receipt.Receipt;
import org.minedecl.shared.receipt.ReceiptVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code minedecl receipt verify RECEIPT --server-cert CERT.pem}: exit 0 when the receipt is valid, 3 when not. */
@Command(name = "receipt", mixinStandardHelpOptions = true, description = "work with server receipts", subcommands = ReceiptCommand.Verify.class)
public class ReceiptCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Checks a stored receipt (DER CMS, or its base64) against the server certificate the user trusts. */
    @Command(name = "verify", mixinStandardHelpOptions = true, description = "check a server receipt against the server certificate")
    public static class Verify implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RECEIPT", description = "the receipt file (PKG.asice.receipt)")
        Path receipt;

        @Option(names = "--server-cert", required = true, paramLabel = "CERT.pem",
                description = "the server's receipt certificate (GET /api/v1/server-certificate), PEM or DER")
        Path serverCert;

        PrintStream out = System.out;
        PrintStream err = System.err;

        @Option(names = "--lang", paramLabel = "zh|en", description = "language of the messages (default: the locale's)")
        String lang;

        @Override
        public Integer call() {
            Language messages = CliLanguage.errors(lang);
            X509Certificate cert;
            byte[] bytes;
            try {
                cert = CertificateFiles.certificates(java.util.List.of(serverCert)).get(0);
                bytes = Files.readAllBytes(receipt);
            } catch (IOException e) {
                err.println("minedecl receipt verify: " + messages.text("receipt.unreadable", e.getMessage()));
                return ExitCodes.USAGE;
            }
            ReceiptVerifier.Result result = ReceiptStore.verify(bytes, cert);
            if (!result.valid()) {
                err.println("minedecl receipt verify: " + messages.text("receipt.invalid", result.problem()));
                return ExitCodes.PACKAGE_INVALID;
            }
            Receipt r = result.receipt();
            out.println(messages.text("receipt.valid", r.receiptId(), r.status(), r.period(), r.uscc(),
                    r.miningLicence(), r.packageSha256(), r.receivedAt())
                    + (r.amends() == null ? "" : messages.text("receipt.amends", r.amends())));
            return ExitCodes.OK;
        }
    }
}
