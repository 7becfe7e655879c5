package org.minedecl.client.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.minedecl.client.app.session.ServerSession;
import org.minedecl.shared.signature.SignerException;
import org.minedecl.shared.signature.SignerSource;
import org.minedecl.shared.signature.SigningCredential;
import picocli.CommandLine.Option;

/** The options of a command that logs in to the server with a certificate (PKCS#12 file or PKCS#11 token). */
public class LoginOptions {
    @Option(names = "--server", required = true, paramLabel = "URL", description = "the minedecl server")
    URI server;

    @Option(names = "--keystore", paramLabel = "KS.p12", description = "PKCS#12 file with the login certificate's key")
    Path keystore;

    @Option(names = "--pkcs11", paramLabel = "CONFIG", description = "SunPKCS11 configuration of a USB key/token")
    Path pkcs11;

    @Option(names = "--alias", description = "key entry (default: the only one)")
    String alias;

    @Option(names = "--storepass-file", paramLabel = "F", description = "file whose first line is the password/PIN")
    Path storepassFile;

    @Option(names = "--storepass-env", paramLabel = "VAR", description = "environment variable holding the password/PIN")
    String storepassEnv;

    /** A usage problem with these options, or null. */
    String usageProblem() {
        return (keystore == null) == (pkcs11 == null) ? "give exactly one of --keystore or --pkcs11" : null;
    }

    /** Opens the key (asking for the password or PIN when neither file nor variable gives it). */
    SigningCredential credential() throws SignerException, SecretInput.MissingSecret {
        char[] secret = SecretInput.read(storepassFile, storepassEnv, keystore != null ? "keystore password" : "PIN",
                org.minedecl.client.app.Language.EN);
        try {
            SignerSource source = keystore != null ? new SignerSource.Pkcs12File(keystore, secret, alias)
                    : new SignerSource.Pkcs11Token(pkcs11, secret, alias);
            return source.open();
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** Opens the key and logs in. */
    ServerSession login() throws SignerException, SecretInput.MissingSecret, ServerSession.SessionException {
        return ServerSession.login(server, credential(), Clock.systemUTC());
    }
}
