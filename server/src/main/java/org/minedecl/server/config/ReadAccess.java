package org.minedecl.server.config;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.minedecl.server.problem.Problem;

/**
 * Until authentication lands, the reading endpoints (submissions, packages, receipts, abnormal list) answer only
 * when {@code minedecl.dev-read} ({@code MINEDECL_DEV_READ=true}) is set: 403 {@code READING_DISABLED} otherwise.
 */
@Singleton
public class ReadAccess {
    private final boolean enabled;

    public ReadAccess(ServerSettings settings) {
        this.enabled = settings.devRead();
    }

    public void require() {
        if (!enabled) {
            throw Problem.of(HttpStatus.FORBIDDEN, "READING_DISABLED", "reading submissions needs authentication, "
                    + "which this server does not offer yet; set MINEDECL_DEV_READ=true on a development server")
                    .exception();
        }
    }
}
