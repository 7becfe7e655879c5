package org.minedecl.client.app.tokens;

import java.util.Arrays;

/**
 * The PIN for one more signature with a key that demands it for every signature (CKA_ALWAYS_AUTHENTICATE): asked
 * after the token has started the signature (C_SignInit) and before it signs, for the context-specific login.
 * "Sign all" gives the PIN typed once ({@link #remembered}); "one by one" asks the user each time.
 */
@FunctionalInterface
public interface SignaturePin {
    /**
     * The PIN for the next signature, or null when the user cancels (the signature is not made and the caller's
     * batch stops). The key clears the returned array after use.
     *
     * @param tokenLabel the token's label, for the prompt
     */
    char[] pin(String tokenLabel);

    /**
     * The PIN the user typed once, given again for each signature ("sign all"): a copy is kept until
     * {@link Remembered#close()}.
     */
    static Remembered remembered(char[] pin) {
        return new Remembered(pin.clone());
    }

    /** A kept copy of one PIN; {@link #close()} clears it, after which it gives none. */
    final class Remembered implements SignaturePin, AutoCloseable {
        private char[] pin;

        private Remembered(char[] pin) {
            this.pin = pin;
        }

        @Override
        public synchronized char[] pin(String tokenLabel) {
            return pin == null ? null : pin.clone();
        }

        @Override
        public synchronized void close() {
            if (pin != null) {
                Arrays.fill(pin, '\0');
                pin = null;
            }
        }
    }
}
