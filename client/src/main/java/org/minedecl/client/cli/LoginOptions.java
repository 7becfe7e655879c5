package org.minedecl.client.cli;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.session.ServerSession;
import org.minedecl.shared.signature.SignerException;
import org.minedecl.shared.signature.SigningCredential;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of a command that logs in to the server with a certificate (PKCS#12 file or PKCS#11 token). */
public class LoginOptions {
    @Option(names = "--server", required = true, paramLabel = "URL", description = "the minedecl server")
    URI server;

    @Mixin
    KeyOptions key;

    @Option(names = "--lang", paramLabel = "zh|en", description = "language of the messages")
    String lang;

    /** The language of the command's messages: {@code --lang}, else the locale's. */
    Language language() {
        return CliLanguage.errors(CliLanguage.valid(lang) ? lang : null);
    }

    /** A usage problem with these options, or null. */
    String usageProblem() {
        if (!CliLanguage.valid(lang)) {
            return language().text("cli.lang.invalid", lang);
        }
        return key.oneSource() ? null : language().text("sign.oneKeySource");
    }

    /** Opens the key (asking for the password or PIN when neither file nor variable gives it). */
    SigningCredential credential() throws SignerException, SecretInput.MissingSecret {
        char[] secret = key.secret(language());
        try {
            return key.source(secret).open();
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** Opens the key and logs in. */
    ServerSession login() throws SignerException, SecretInput.MissingSecret, ServerSession.SessionException {
        return ServerSession.login(server, credential(), Clock.systemUTC());
    }
}
