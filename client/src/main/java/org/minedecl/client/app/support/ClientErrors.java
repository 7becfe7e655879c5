package org.minedecl.client.app.support;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.signing.CertificateInfo;
import org.minedecl.client.app.submission.SubmissionResult;
import org.minedecl.shared.rules.LocalizedText;

/**
 * Errors turned into sentences a clerk can act on ({@link ClientError}), in one place for the CLI and the desktop:
 * PKCS#11 return values (wrong or locked PIN, token removed), a PKCS#12 password, certificates that are expired,
 * revoked, untrusted or not the enterprise's, a server that cannot be reached. Anything not recognised becomes a
 * general sentence; the technical detail always goes to {@link ClientError#technical()}.
 */
public final class ClientErrors {
    private static final Pattern CKR = Pattern.compile("CKR_[A-Z0-9_]+");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private ClientErrors() {
    }

    /** The innermost cause's message on one line (its class name when it has none). */
    public static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("[\\r\\n]+", " ");
    }

    /** Every cause's class and message, outermost first, on one line: the detail for the diagnostics. */
    public static String technical(Throwable e) {
        List<String> parts = new ArrayList<>();
        Throwable t = e;
        for (int i = 0; t != null && i < 8; i++, t = t.getCause() == t ? null : t.getCause()) {
            parts.add(t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        }
        return String.join(" <- ", parts).replaceAll("[\\r\\n]+", " ");
    }

    /** The first PKCS#11 return value ({@code CKR_...}) named anywhere in the causes, if any. */
    public static Optional<String> pkcs11ReturnValue(Throwable e) {
        Throwable t = e;
        for (int i = 0; t != null && i < 8; i++, t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = CKR.matcher(t.getMessage());
                if (m.find()) {
                    return Optional.of(m.group());
                }
            }
            if (t instanceof org.xipki.pkcs11.wrapper.PKCS11Exception) {
                return Optional.of(((org.xipki.pkcs11.wrapper.PKCS11Exception) t).getErrorName());
            }
        }
        return Optional.empty();
    }

    private static ClientError error(String code, String key, String nextKey, String technical, Object... args) {
        return new ClientError(code, Language.both(key, args), nextKey == null ? null : Language.both(nextKey, args),
                technical);
    }

    /** What went wrong in a broken environment (a token, a key file, the network, a file), as a sentence. */
    public static ClientError explain(Throwable e) {
        String tech = technical(e);
        Optional<String> ckr = pkcs11ReturnValue(e);
        if (ckr.isPresent()) {
            switch (ckr.get()) {
                case "CKR_PIN_INCORRECT":
                case "CKR_PIN_INVALID":
                case "CKR_PIN_LEN_RANGE":
                    return error("PIN_INCORRECT", "error.pinIncorrect", "error.pinIncorrect.next", tech);
                case "CKR_PIN_LOCKED":
                    return error("PIN_LOCKED", "error.pinLocked", "error.pinLocked.next", tech);
                case "CKR_PIN_EXPIRED":
                    return error("PIN_EXPIRED", "error.pinExpired", "error.pinExpired.next", tech);
                case "CKR_TOKEN_NOT_PRESENT":
                case "CKR_DEVICE_REMOVED":
                case "CKR_TOKEN_NOT_RECOGNIZED":
                case "CKR_SLOT_ID_INVALID":
                case "CKR_SESSION_HANDLE_INVALID":
                case "CKR_SESSION_CLOSED":
                    return error("TOKEN_ABSENT", "error.tokenAbsent", "error.tokenAbsent.next", tech);
                case "CKR_USER_NOT_LOGGED_IN":
                    return error("TOKEN_LOGIN", "error.tokenLogin", "error.tokenLogin.next", tech);
                default:
                    return error("TOKEN_FAILED", "error.tokenFailed", "error.tokenFailed.next", tech);
            }
        }
        String all = tech.toLowerCase(java.util.Locale.ROOT);
        if (all.contains("wrong password or damaged file") || all.contains("mac invalid")
                || all.contains("password verification failed") || all.contains("keystore password was incorrect")) {
            return error("PASSWORD_INCORRECT", "error.passwordIncorrect", "error.passwordIncorrect.next", tech);
        }
        if (all.contains("pkcs#11") && (all.contains("load failed") || all.contains("library")
                || all.contains("configuration"))) {
            return error("TOKEN_FAILED", "error.tokenFailed", "error.tokenFailed.next", tech);
        }
        if (has(e, ConnectException.class) || has(e, UnknownHostException.class)
                || has(e, NoRouteToHostException.class) || all.contains("connection refused")) {
            return error("SERVER_UNREACHABLE", "error.serverUnreachable", "error.serverUnreachable.next", tech);
        }
        if (has(e, NoSuchFileException.class) || has(e, FileNotFoundException.class)) {
            return error("FILE_NOT_FOUND", "error.fileNotFound", null, tech, oneLine(e));
        }
        if (has(e, AccessDeniedException.class)) {
            return error("FILE_ACCESS", "error.fileAccess", null, tech, oneLine(e));
        }
        return error("FAILED", "error.general", "error.general.next", tech);
    }

    /** What a refusal by the server means for the user, with the next step for certificate problems. */
    public static ClientError explain(SubmissionResult.Refused refused) {
        String tech = refused.status() + " " + refused.code() + ": " + refused.detail();
        switch (refused.code()) {
            case "CERT_REVOKED":
                return error("CERT_REVOKED", "error.certRevoked", "error.certRevoked.next", tech);
            case "CERT_EXPIRED":
                return error("CERT_EXPIRED", "error.certExpiredAtSigning", "error.certExpired.next", tech);
            case "CERT_UNTRUSTED":
                return error("CERT_UNTRUSTED", "error.certUntrusted", "error.certUntrusted.next", tech);
            case "SIGNER_MISMATCH":
                return error("SIGNER_MISMATCH", "error.signerMismatch", "error.signerMismatch.next", tech);
            case "SIGNER_NOT_DELEGATED":
                return error("SIGNER_NOT_DELEGATED", "error.signerNotDelegated", "error.signerNotDelegated.next",
                        tech);
            case "DECLARATION_INVALID":
                return error("DECLARATION_INVALID", "error.declarationInvalid", "error.declarationInvalid.next",
                        tech);
            case "PERIOD_ALREADY_FILED":
                return error("PERIOD_ALREADY_FILED", "error.periodFiled", "error.periodFiled.next", tech);
            default:
                return new ClientError(refused.code(), new LocalizedText(refused.message(Language.ZH),
                        refused.message(Language.EN)), null, tech);
        }
    }

    /**
     * A certificate that should not be used to sign, said before signing: expired, not yet valid, or not
     * carrying the declaration's USCC (nor the declared preparer's). Empty when it is fine to sign with.
     */
    public static Optional<ClientError> explain(CertificateInfo c) {
        String tech = c.holder() + ", serial " + c.serialHex() + ", valid " + c.notBefore() + " to " + c.notAfter()
                + ", USCC " + c.uscc();
        if (c.validity() == CertificateInfo.Validity.EXPIRED) {
            return Optional.of(error("CERT_EXPIRED", "error.certExpired", "error.certExpired.next", tech,
                    DAY.format(BusinessClock.dateOf(c.notAfter()))));
        }
        if (c.validity() == CertificateInfo.Validity.NOT_YET_VALID) {
            return Optional.of(error("CERT_NOT_YET_VALID", "error.certNotYetValid", "error.certNotYetValid.next",
                    tech, DAY.format(BusinessClock.dateOf(c.notBefore()))));
        }
        if (c.declaredUscc() != null && !c.matchesDeclaration() && !c.signsAsPreparer()) {
            return Optional.of(error("SIGNER_MISMATCH", "error.certOtherEnterprise", "error.signerMismatch.next",
                    tech, c.uscc() == null ? "-" : c.uscc(), c.declaredUscc()));
        }
        return Optional.empty();
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        Throwable t = e;
        for (int i = 0; t != null && i < 8; i++, t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
