package org.minedecl.client.cli;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.minedecl.client.app.Language;
import org.minedecl.shared.declaration.Uscc;
import org.minedecl.shared.signature.DemoCa;
import org.minedecl.shared.signature.Providers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code minedecl keygen}: a demo CA and an enterprise certificate carrying the USCC (organizationIdentifier
 * {@code NTRCN-<USCC>} and the GM/T 0015 extension), for trying the tools. Not for production.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true, description = "Make a demo CA and enterprise certificate (PKCS#12) - not for production")
public class KeygenCommand implements Callable<Integer> {
    enum Alg { RSA, EC, SM2 }

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--alg", defaultValue = "EC", description = "RSA, EC or SM2 (default EC)")
    Alg alg;

    @Option(names = "--uscc", required = true, description = "the enterprise's unified social credit code")
    String uscc;

    @Option(names = "--name", required = true, description = "the enterprise's name")
    String name;

    @Option(names = "--days", defaultValue = "730", description = "certificate validity in days")
    int days;

    @Option(names = "--lang", paramLabel = "zh|en", description = "language of the messages (default: the locale's)")
    String lang;

    @Override
    public Integer call() {
        Language messages = CliLanguage.errors(lang);
        if (!Uscc.isValid(uscc)) {
            System.err.println("minedecl keygen: " + messages.text("keygen.usccInvalid", uscc));
            return ExitCodes.USAGE;
        }
        try {
            Files.createDirectories(out);
            Instant now = Instant.now();
            DemoCa demo = new DemoCa(DemoCa.Alg.valueOf(alg.name()), now.minus(Duration.ofHours(1)),
                    now.plus(Duration.ofDays(3650)));
            X509Certificate ca = demo.certificate();
            DemoCa.Issued issued = demo.enterprise(uscc, name, now.minus(Duration.ofHours(1)),
                    now.plus(Duration.ofDays(days)));
            X509Certificate ee = issued.certificate();
            X509CRL crl = demo.crl(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(30)));

            byte[] pwBytes = new byte[18];
            new SecureRandom().nextBytes(pwBytes);
            String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(pwBytes);
            Path passFile = out.resolve("enterprise.pass");
            Files.deleteIfExists(passFile);
            Files.createFile(passFile);
            try {
                Files.setPosixFilePermissions(passFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(passFile, password + "\n", StandardCharsets.UTF_8);
            KeyStore ks = KeyStore.getInstance("PKCS12-AES256-AES128", Providers.bc());
            ks.load(null, null);
            ks.setKeyEntry("enterprise", issued.key(), password.toCharArray(), new Certificate[] {ee, ca});
            Path p12 = out.resolve("enterprise.p12");
            try (OutputStream o = Files.newOutputStream(p12)) {
                ks.store(o, password.toCharArray());
            }
            Files.writeString(out.resolve("ca.pem"), DemoCa.pem(ca), StandardCharsets.US_ASCII);
            Files.writeString(out.resolve("ca.crl"), DemoCa.pem(crl), StandardCharsets.US_ASCII);
            Files.writeString(out.resolve("enterprise.pem"), DemoCa.pem(ee), StandardCharsets.US_ASCII);
            System.out.println(messages.text("keygen.written", alg, out));
            System.out.println(messages.text("keygen.keystore", p12));
            System.out.println(messages.text("keygen.passFile", passFile));
            System.out.println(messages.text("keygen.certificate", out.resolve("enterprise.pem"), uscc));
            System.out.println(messages.text("keygen.ca", out.resolve("ca.pem")));
            System.out.println(messages.text("keygen.crl", out.resolve("ca.crl")));
            return ExitCodes.OK;
        } catch (Exception e) {
            System.err.println("minedecl keygen: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
            return ExitCodes.USAGE;
        }
    }
}
