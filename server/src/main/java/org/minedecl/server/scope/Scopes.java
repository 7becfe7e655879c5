package org.minedecl.server.scope;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.minedecl.server.config.ReadAccess;

/**
 * The caller's {@link Scope}, for controllers. Until certificate login is on the server, the development flag
 * ({@code MINEDECL_DEV_READ=true}) is the only way in and sees and decides everything; without it the reading and
 * deciding endpoints answer 403 {@code READING_DISABLED}.
 */
@Singleton
public class Scopes {
    private final ReadAccess readAccess;

    public Scopes(ReadAccess readAccess) {
        this.readAccess = readAccess;
    }

    public Scope of(HttpRequest<?> request) {
        readAccess.require();
        return Scope.everything("development (MINEDECL_DEV_READ) from " + request.getRemoteAddress());
    }
}
