package org.minedecl.server.access;

import java.util.List;
import java.util.Set;

/**
 * Who is asking, as proven by a valid token for a certificate that is still valid, unrevoked and (for a regulator or
 * an administrator) still registered.
 *
 * @param certificate   the certificate that logged in
 * @param uscc          the USCC it carries (the operator, and the consultant, it is), or null
 * @param roles         its roles now
 * @param jurisdictions a regulator's registered GB/T 2260 codes (empty for others)
 * @param regulatorId   a regulator's registry id, or null
 */
public record Principal(CertificateRef certificate, String uscc, Set<Role> roles, List<String> jurisdictions,
                        String regulatorId) {
    public Principal {
        roles = Set.copyOf(roles);
        jurisdictions = List.copyOf(jurisdictions);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** For audit lines. */
    public String audit() {
        return certificate.audit() + " roles=" + roles;
    }
}
