package org.minedecl.server.access;

import java.util.List;

/**
 * One live delegation as access sees it: the consultant acts for {@code enterpriseUscc}, for the listed mining
 * licences or (empty list) all of them; {@code sign} when the scope includes SIGN.
 */
public record Grant(String delegationId, String enterpriseUscc, List<String> miningLicences, boolean sign) {
    public Grant {
        miningLicences = List.copyOf(miningLicences);
    }

    public boolean covers(Filing f) {
        return enterpriseUscc.equals(f.uscc()) && (miningLicences.isEmpty() || miningLicences.contains(f.miningLicence()));
    }
}
