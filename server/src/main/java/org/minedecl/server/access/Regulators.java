package org.minedecl.server.access;

import java.util.List;
import java.util.Optional;

/** The regulator registry as login and access see it (implemented by the {@code admin} feature). */
public interface Regulators {
    /** A registered (not removed) regulator. */
    record Registered(String id, String name, String fingerprint, List<String> jurisdictions) {
        public Registered {
            jurisdictions = List.copyOf(jurisdictions);
        }
    }

    /** The registered regulator with this certificate (SHA-256 fingerprint), if any. */
    Optional<Registered> byFingerprint(String fingerprint);

    /** The regulator with this id while it is registered; empty once removed. */
    Optional<Registered> live(String id);
}
