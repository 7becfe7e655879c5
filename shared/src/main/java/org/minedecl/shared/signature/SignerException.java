package org.minedecl.shared.signature;

/** A signing key could not be opened or used (wrong password, no such alias, token missing); one readable line. */
public class SignerException extends Exception {
    public SignerException(String message) {
        super(message);
    }

    public SignerException(String message, Throwable cause) {
        super(message, cause);
    }
}
