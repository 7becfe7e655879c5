package org.minedecl.server.access;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.minedecl.server.problem.AuditLog;
import org.minedecl.server.problem.Problem;
import org.minedecl.server.problem.ProblemException;
import org.minedecl.server.scope.Scope;

/**
 * The one place that decides access (CONTRACTS section 7): may P read filing S, may P decide on S, what may P see
 * in a list ({@link #scope}: the {@link Scope} every reading service restricts its rows with). Reading is for
 * operators (their USCC), consultants (live delegations, looked up on every call) and regulators (registered
 * jurisdictions); deciding for regulators inside their jurisdictions; the regulator registry for administrators.
 * A filing outside the caller's scope is answered as if it did not exist (404); an action the caller's roles do
 * not include is 403 {@code FORBIDDEN}. Every refusal is one audit line naming the certificate.
 */
@Singleton
public class AccessService {
    private final Grants grants;
    private final Clock clock;

    public AccessService(Grants grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * What {@code p} may read now: a regulator its jurisdictions; a certificate with a USCC that enterprise's
     * filings and those of the enterprises whose delegations to it are live (limited to their mining licences).
     * 403 when it reads nothing at all (an administrator only).
     */
    public Scope scope(Principal p) {
        if (p.has(Role.REGULATOR)) {
            return Scope.regulator(p.audit(), p.jurisdictions());
        }
        if (p.uscc() == null) {
            throw forbidden(p, "read filings");
        }
        Map<String, Set<String>> enterprises = new LinkedHashMap<>();
        enterprises.put(p.uscc(), Set.of());
        Set<String> everyMine = new HashSet<>();
        for (Grant g : grants.liveFor(p.uscc(), clock.instant())) {
            if (g.miningLicences().isEmpty()) {
                everyMine.add(g.enterpriseUscc());
            }
            enterprises.merge(g.enterpriseUscc(), Set.copyOf(g.miningLicences()), (a, b) -> {
                Set<String> u = new HashSet<>(a);
                u.addAll(b);
                return Set.copyOf(u);
            });
        }
        for (String e : everyMine) {
            enterprises.put(e, Set.of()); // one delegation for every mine covers them all
        }
        return Scope.enterprises(p.audit(), enterprises);
    }

    public boolean mayRead(Principal p, Filing f) {
        return (p.has(Role.REGULATOR) || p.uscc() != null) && scope(p).covers(f.jurisdiction(), f.uscc(),
                f.miningLicence());
    }

    /** Only a regulator whose jurisdictions cover the filing. */
    public boolean mayDecide(Principal p, Filing f) {
        return p.has(Role.REGULATOR) && Scope.regulator(p.audit(), p.jurisdictions()).covers(f.jurisdiction(),
                f.uscc(), f.miningLicence());
    }

    /**
     * Throws unless {@code p} may read {@code f}: {@code notFound} (404) when out of scope - the same answer as for a
     * filing that does not exist - and 403 when {@code p} reads nothing at all.
     */
    public void requireRead(Principal p, Filing f, ProblemException notFound) {
        if (!scope(p).covers(f.jurisdiction(), f.uscc(), f.miningLicence())) {
            AuditLog.access(p.audit(), "read", "out of scope", 404);
            throw notFound;
        }
    }

    /** Throws 403 {@code FORBIDDEN} unless {@code p} has {@code role}. */
    public void requireRole(Principal p, Role role, String action) {
        if (!p.has(role)) {
            throw forbidden(p, action);
        }
    }

    private static ProblemException forbidden(Principal p, String action) {
        AuditLog.access(p.audit(), action, "role", 403);
        return Problem.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "this certificate's roles " + p.roles()
                + " do not allow to " + action).exception();
    }
}
