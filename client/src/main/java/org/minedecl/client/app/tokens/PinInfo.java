package org.minedecl.client.app.tokens;

import java.util.Optional;
import org.minedecl.client.app.Language;

/**
 * What a token says about its user PIN (CK_TOKEN_INFO flags), for the PIN dialog: which PIN is wanted and
 * whether a wrong try may lock the token. Java's SunPKCS11 does not show these flags; {@link Pkcs11Tokens} reads
 * them.
 *
 * @param loginRequired               the token wants a PIN before signing (CKF_LOGIN_REQUIRED)
 * @param protectedAuthenticationPath the PIN is entered on the device itself (a PIN pad), not typed here
 * @param countLow                    a wrong PIN was entered since the last good one (CKF_USER_PIN_COUNT_LOW)
 * @param finalTry                    one more wrong PIN locks the token (CKF_USER_PIN_FINAL_TRY)
 * @param locked                      the user PIN is locked (CKF_USER_PIN_LOCKED)
 * @param toBeChanged                 the PIN must be changed first (CKF_USER_PIN_TO_BE_CHANGED)
 * @param minLength                   shortest PIN the token takes (0 when it does not say)
 * @param maxLength                   longest PIN the token takes (0 when it does not say)
 */
public record PinInfo(boolean loginRequired, boolean protectedAuthenticationPath, boolean countLow,
                      boolean finalTry, boolean locked, boolean toBeChanged, long minLength, long maxLength) {
    static final long CKF_LOGIN_REQUIRED = 0x4L;
    static final long CKF_PROTECTED_AUTHENTICATION_PATH = 0x100L;
    static final long CKF_USER_PIN_COUNT_LOW = 0x10000L;
    static final long CKF_USER_PIN_FINAL_TRY = 0x20000L;
    static final long CKF_USER_PIN_LOCKED = 0x40000L;
    static final long CKF_USER_PIN_TO_BE_CHANGED = 0x80000L;

    /** From CK_TOKEN_INFO's flags and PIN lengths. */
    public static PinInfo fromFlags(long flags, long minLength, long maxLength) {
        // some drivers report ULONG_MAX / CK_UNAVAILABLE_INFORMATION for lengths they do not know
        long min = minLength < 0 || minLength > 255 ? 0 : minLength;
        long max = maxLength < 0 || maxLength > 255 ? 0 : maxLength;
        return new PinInfo((flags & CKF_LOGIN_REQUIRED) != 0, (flags & CKF_PROTECTED_AUTHENTICATION_PATH) != 0,
                (flags & CKF_USER_PIN_COUNT_LOW) != 0, (flags & CKF_USER_PIN_FINAL_TRY) != 0,
                (flags & CKF_USER_PIN_LOCKED) != 0, (flags & CKF_USER_PIN_TO_BE_CHANGED) != 0, min, max);
    }

    /** The PIN dialog's request: which PIN of which token, and its length when the token says. */
    public String prompt(Language language, String tokenLabel) {
        if (protectedAuthenticationPath) {
            return language.text("pin.prompt.pinPad", tokenLabel);
        }
        String lengths = minLength > 0 && maxLength >= minLength
                ? language.text("pin.prompt.lengths", minLength, maxLength) : "";
        return language.text("pin.prompt", tokenLabel) + lengths;
    }

    /**
     * A warning to show before the PIN is typed, the most urgent first: locked (no PIN will do), final try,
     * a wrong try before, must be changed first. Empty when the token reports none of these.
     */
    public Optional<String> warning(Language language) {
        if (locked) {
            return Optional.of(language.text("pin.locked"));
        }
        if (finalTry) {
            return Optional.of(language.text("pin.finalTry"));
        }
        if (countLow) {
            return Optional.of(language.text("pin.countLow"));
        }
        if (toBeChanged) {
            return Optional.of(language.text("pin.toBeChanged"));
        }
        return Optional.empty();
    }
}
