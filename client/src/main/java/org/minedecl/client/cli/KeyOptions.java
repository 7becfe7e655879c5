package org.minedecl.client.cli;

import java.nio.file.Path;
import org.minedecl.client.app.Language;
import org.minedecl.shared.signature.SignerSource;
import picocli.CommandLine.Option;

/**
 * Where the key is - a PKCS#12 file or a PKCS#11 token (USB key) - and where its password or PIN comes from; one
 * {@code @Mixin} for every command that signs or logs in (sign, batch sign, delegate, admin).
 */
public class KeyOptions {
    @Option(names = "--keystore", paramLabel = "KS.p12", description = "PKCS#12 file with the key and its certificate")
    Path keystore;

    @Option(names = "--pkcs11", paramLabel = "CONFIG", description = "SunPKCS11 configuration of a USB key/token")
    Path pkcs11;

    @Option(names = "--alias", description = "key entry (default: the only one)")
    String alias;

    @Option(names = "--storepass-file", paramLabel = "F", description = "file whose first line is the password/PIN")
    Path storepassFile;

    @Option(names = "--storepass-env", paramLabel = "VAR", description = "environment variable holding the password/PIN")
    String storepassEnv;

    /** Exactly one of {@code --keystore} and {@code --pkcs11} is given (else the command says sign.oneKeySource). */
    boolean oneSource() {
        return (keystore == null) != (pkcs11 == null);
    }

    /** The password or PIN: the file's first line, the variable, or asked for in {@code language}. */
    char[] secret(Language language) throws SecretInput.MissingSecret {
        return SecretInput.read(storepassFile, storepassEnv, language.text(keystore != null ? "secret.prompt.password"
                : "secret.prompt.pin"), language);
    }

    /** The key, to be opened with {@code secret} (the caller clears it afterwards). */
    SignerSource source(char[] secret) {
        return keystore != null ? new SignerSource.Pkcs12File(keystore, secret, alias)
                : new SignerSource.Pkcs11Token(pkcs11, secret, alias);
    }
}
