package org.minedecl.server.auth;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.minedecl.server.access.CertificateRef;
import org.minedecl.server.access.Grants;
import org.minedecl.server.access.Principal;
import org.minedecl.server.access.Regulators;
import org.minedecl.server.access.Role;
import org.minedecl.server.problem.AuditLog;
import org.minedecl.server.problem.Problem;
import org.minedecl.server.problem.ProblemException;
import org.minedecl.server.trust.TrustStore;
import org.minedecl.shared.signature.SignerIdentity;
import org.minedecl.shared.trust.CertificateValidator;
import org.minedecl.shared.trust.TrustPolicy;

/**
 * Certificate login (CONTRACTS section 7): a challenge, then a token for a CMS signature over it. The certificate
 * must pass the same checks as a package signer, now; its roles come from its USCC (operator; consultant when a
 * delegation to it is live), the regulator registry and the admins directory. Every refusal is 401
 * {@code AUTH_FAILED} with nothing else said, and one audit line with the reason.
 */
@Singleton
public class LoginService {
    /** How long a challenge is good. */
    public static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final NonceRepository nonces;
    private final TrustStore trust;
    private final TokenService tokens;
    private final Regulators regulators;
    private final Administrators administrators;
    private final Grants grants;
    private final Clock clock;

    public LoginService(NonceRepository nonces, TrustStore trust, TokenService tokens, Regulators regulators,
                        Administrators administrators, Grants grants, Clock clock) {
        this.nonces = nonces;
        this.trust = trust;
        this.tokens = tokens;
        this.regulators = regulators;
        this.administrators = administrators;
        this.grants = grants;
        this.clock = clock;
    }

    /** A challenge: 32 random bytes, base64url, good once until {@code expiresAt}. */
    public record Challenge(String nonce, Instant expiresAt) {
    }

    /** A token and whom it is for. */
    public record Login(TokenService.Issued token, Principal principal) {
    }

    public Challenge challenge() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Instant now = clock.instant();
        Instant expires = now.plus(NONCE_LIFETIME);
        nonces.insert(nonce, expires, now);
        return new Challenge(nonce, expires);
    }

    /** A token for a valid signature over a live nonce by a certificate that is valid now and has a role. */
    public Login login(String nonce, String signatureBase64) {
        Instant now = clock.instant();
        if (nonce == null || signatureBase64 == null || nonce.length() > 64) {
            throw failed("-", "nonce or signature missing");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException e) {
            throw failed("-", "signature is not base64");
        }
        // the nonce is used up whatever follows: a refused answer cannot be retried with the same nonce
        if (!nonces.consume(nonce, now)) {
            throw failed("-", "unknown, used or expired nonce");
        }
        LoginSignature.Checked sig = LoginSignature.check(der, nonce.getBytes(StandardCharsets.UTF_8));
        if (sig.problem() != null) {
            throw failed(sig.signer() == null ? "-" : SignerIdentity.displayName(sig.signer()), sig.problem());
        }
        TrustStore.Snapshot s = trust.current();
        CertificateValidator.Validation v = new CertificateValidator(new TrustPolicy(s.anchors(), s.crls()))
                .validate(sig.signer(), sig.bag(), now, now);
        CertificateRef ref = CertificateRef.of(sig.signer(), null);
        if (!v.valid()) {
            throw failed(ref.audit(), v.failure().code() + ": " + v.failure().detail());
        }
        SignerIdentity.UsccReading reading = SignerIdentity.readUscc(sig.signer());
        switch (reading.outcome()) {
            case CONFLICT -> throw failed(ref.audit(), "the certificate carries two different codes");
            case INVALID -> throw failed(ref.audit(), "the certificate's code fails the GB 32100 check");
            default -> {
                // FOUND: an enterprise's certificate; MISSING: a regulator's or an administrator's perhaps
            }
        }
        String uscc = reading.code();
        ref = CertificateRef.of(sig.signer(), uscc);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> jurisdictions = new ArrayList<>();
        String regulatorId = null;
        if (uscc != null) {
            roles.add(Role.OPERATOR);
            if (!grants.liveFor(uscc, now).isEmpty()) {
                roles.add(Role.CONSULTANT);
            }
        }
        Optional<Regulators.Registered> reg = regulators.byFingerprint(ref.fingerprint());
        if (reg.isPresent()) {
            roles.add(Role.REGULATOR);
            regulatorId = reg.get().id();
            jurisdictions.addAll(reg.get().jurisdictions());
        }
        if (administrators.contains(ref.fingerprint())) {
            roles.add(Role.ADMINISTRATOR);
        }
        if (roles.isEmpty()) {
            throw failed(ref.audit(), "the certificate carries no USCC and is neither a registered regulator nor an "
                    + "administrator");
        }
        Principal p = new Principal(ref, uscc, roles, jurisdictions, regulatorId);
        TokenService.Issued token = tokens.issue(ref, roles, regulatorId);
        AuditLog.auth("token-issued", p.audit(), "expires in " + token.expiresIn() + " s");
        return new Login(token, p);
    }

    /** The certificate's USCC (CONTRACTS section 3), null when it has none; two different codes are refused. */
    private static ProblemException failed(String who, String reason) {
        AuditLog.auth("login-refused", who, reason);
        return Problem.of(HttpStatus.UNAUTHORIZED, "AUTH_FAILED", "login failed").exception();
    }
}
