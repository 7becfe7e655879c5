package org.minedecl.server.auth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.minedecl.server.access.Principal;
import org.minedecl.server.access.Regulators;
import org.minedecl.server.access.Role;
import org.minedecl.server.problem.AuditLog;
import org.minedecl.server.problem.Problem;
import org.minedecl.server.problem.ProblemException;
import org.minedecl.server.trust.TrustStore;

/**
 * The principal behind a request's {@code Authorization: Bearer} token. A token counts only while it verifies and
 * has not expired, its certificate is not revoked by a CRL of the trust directory, a regulator is still in the
 * registry and an administrator's certificate still in the admins directory: all looked at on every request, so a
 * removal takes effect at once. Anything else is 401 {@code UNAUTHENTICATED}, with one audit line.
 */
@Singleton
public class Authenticator {
    private final TokenService tokens;
    private final TrustStore trust;
    private final Regulators regulators;
    private final Administrators administrators;
    private final Clock clock;

    public Authenticator(TokenService tokens, TrustStore trust, Regulators regulators, Administrators administrators,
                         Clock clock) {
        this.tokens = tokens;
        this.trust = trust;
        this.regulators = regulators;
        this.administrators = administrators;
        this.clock = clock;
    }

    /** The caller; 401 {@code UNAUTHENTICATED} when there is no valid token. */
    public Principal principal(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthenticated("-", "no bearer token");
        }
        Optional<TokenService.Claims> claims = tokens.verify(header.substring(7).trim());
        if (claims.isEmpty()) {
            throw unauthenticated("-", "token invalid or expired");
        }
        TokenService.Claims c = claims.get();
        String who = c.certificate().audit();
        if (revoked(c.certificate().issuer(), c.certificate().serial(), clock.instant())) {
            throw unauthenticated(who, "certificate revoked");
        }
        Set<Role> roles = c.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(c.roles());
        List<String> jurisdictions = List.of();
        if (roles.contains(Role.REGULATOR)) {
            Optional<Regulators.Registered> r = c.regulatorId() == null ? Optional.empty()
                    : regulators.live(c.regulatorId());
            if (r.isEmpty() || !r.get().fingerprint().equals(c.certificate().fingerprint())) {
                throw unauthenticated(who, "regulator no longer registered");
            }
            jurisdictions = r.get().jurisdictions();
        }
        if (roles.contains(Role.ADMINISTRATOR) && !administrators.contains(c.certificate().fingerprint())) {
            throw unauthenticated(who, "administrator certificate no longer in the admins directory");
        }
        return new Principal(c.certificate(), c.certificate().uscc(), roles, jurisdictions, c.regulatorId());
    }

    /** Whether a CRL of the trust directory from this issuer lists the serial as revoked by {@code now}. */
    private boolean revoked(String issuer, String serialHex, Instant now) {
        BigInteger serial;
        try {
            serial = new BigInteger(serialHex, 16);
        } catch (NumberFormatException e) {
            return true;
        }
        for (X509CRL crl : trust.current().crls()) {
            if (crl.getIssuerX500Principal().getName().equals(issuer)) {
                X509CRLEntry e = crl.getRevokedCertificate(serial);
                if (e != null && !e.getRevocationDate().toInstant().isAfter(now)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ProblemException unauthenticated(String who, String reason) {
        AuditLog.auth("token-refused", who, reason);
        return Problem.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "a valid access token is required "
                + "(Authorization: Bearer, from POST /api/v1/auth/token)").exception();
    }
}
