package org.minedecl.client.app.tokens;

import java.security.PrivateKey;
import java.security.SignatureException;
import java.util.Arrays;
import org.minedecl.client.app.support.ClientErrors;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.params.CkParams;

/**
 * A private key on a token that demands the PIN for every signature (CKA_ALWAYS_AUTHENTICATE). Each signature is
 * C_SignInit, then the context-specific login (C_Login with CKU_CONTEXT_SPECIFIC) with the PIN that
 * {@link SignaturePin} gives, then C_Sign, all in the one session this key keeps open. Java's SunPKCS11 cannot do
 * that login (it signs with C_SignInit and C_Sign only, and the token answers CKR_USER_NOT_LOGGED_IN); this key is
 * used through {@link TokenSignatureProvider}, so the package writer signs with it like any other JCA key.
 *
 * <p>A PIN the token refuses (or any other failure of the login or the signature) closes the key: it is never
 * tried again with the next declaration, so a batch cannot retry a wrong PIN into a locked token. A cancelled PIN
 * prompt closes it as well. The key is bound to one token object in one session: the certificate cannot change
 * while it is open (a token pulled out and another put in ends the session).
 */
public final class ContextLoginKey implements PrivateKey, AutoCloseable {
    private static final long serialVersionUID = 1L;

    /** The signature was not made because the PIN prompt was cancelled. */
    public static final class PinCancelled extends SignatureException {
        private static final long serialVersionUID = 1L;

        PinCancelled() {
            super("the PIN prompt was cancelled; nothing was signed");
        }
    }

    private final transient Pkcs11Tokens tokens;
    private final transient java.nio.file.Path library;
    private final transient Session session;
    private final long handle;
    private final String algorithm;
    private final String tokenLabel;
    private final transient SignaturePin pins;
    private final transient AutoCloseable alsoClose;
    private boolean closed;
    private int signatures;

    ContextLoginKey(Pkcs11Tokens tokens, java.nio.file.Path library, Session session, long handle, String algorithm,
            String tokenLabel, SignaturePin pins, AutoCloseable alsoClose) {
        this.tokens = tokens;
        this.library = library;
        this.session = session;
        this.handle = handle;
        this.algorithm = algorithm;
        this.tokenLabel = tokenLabel;
        this.pins = pins;
        this.alsoClose = alsoClose;
    }

    /** "RSA" or "EC". */
    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    /** Not extractable. */
    @Override
    public String getFormat() {
        return null;
    }

    /** Not extractable. */
    @Override
    public byte[] getEncoded() {
        return null;
    }

    /** The token's label, as the PIN prompt names it. */
    public String tokenLabel() {
        return tokenLabel;
    }

    /** How many signatures this key has made. */
    public synchronized int signatures() {
        return signatures;
    }

    /** Whether the key was closed (after a failure, a cancelled prompt, or by its owner). */
    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Signs {@code data} (a digest or DigestInfo, as the mechanism wants) on the token: C_SignInit, the
     * context-specific login, C_Sign. The PIN is asked between the first and the second step, outside the time
     * limit of the calls into the library.
     */
    synchronized byte[] sign(long mechanism, CkParams params, byte[] data) throws SignatureException {
        if (closed) {
            throw new SignatureException("the token's key was closed after an earlier failure; open it again");
        }
        try {
            tokens.withModule(library, m -> {
                session.signInit(new Mechanism(mechanism, params), handle);
                return null;
            });
        } catch (Pkcs11Tokens.TokenAccessException e) {
            close();
            throw failure(e);
        }
        char[] pin = pins.pin(tokenLabel);
        if (pin == null) {
            close(); // ends the started operation
            throw new PinCancelled();
        }
        try {
            byte[] signature = tokens.withModule(library, m -> {
                session.login(PKCS11Constants.CKU_CONTEXT_SPECIFIC, pin);
                return session.sign(data);
            });
            signatures++;
            return signature;
        } catch (Pkcs11Tokens.TokenAccessException e) {
            close(); // a refused PIN is not tried again
            throw failure(e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private static SignatureException failure(Pkcs11Tokens.TokenAccessException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new SignatureException("token signature failed: " + ClientErrors.oneLine(cause), cause);
    }

    /** Closes the session (ending any started signature) and clears a remembered PIN; later signatures fail. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (alsoClose != null) {
            try {
                alsoClose.close();
            } catch (Exception ignored) {
                // a remembered PIN's clearing does not fail
            }
        }
        try {
            tokens.withModule(library, m -> {
                session.closeSession();
                return null;
            });
        } catch (Pkcs11Tokens.TokenAccessException ignored) {
            // the token is gone or hangs: the session goes with it
        }
    }
}
