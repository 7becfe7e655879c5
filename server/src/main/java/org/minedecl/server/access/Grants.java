package org.minedecl.server.access;

import java.time.Instant;
import java.util.List;

/** The live delegations to a consultant (implemented by the {@code delegation} feature). */
public interface Grants {
    /** Delegations to {@code consultantUscc} that are live at {@code at}: not revoked, inside their dates. */
    List<Grant> liveFor(String consultantUscc, Instant at);
}
