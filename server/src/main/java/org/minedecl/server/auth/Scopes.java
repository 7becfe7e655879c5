package org.minedecl.server.auth;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.minedecl.server.access.AccessService;
import org.minedecl.server.scope.Scope;

/**
 * The caller's {@link Scope}, for controllers: the principal behind the request's token (401 {@code UNAUTHENTICATED}
 * without a valid one), and what {@link AccessService} lets it read (403 {@code FORBIDDEN} when nothing).
 */
@Singleton
public class Scopes {
    private final Authenticator authenticator;
    private final AccessService access;

    public Scopes(Authenticator authenticator, AccessService access) {
        this.authenticator = authenticator;
        this.access = access;
    }

    public Scope of(HttpRequest<?> request) {
        return access.scope(authenticator.principal(request));
    }
}
