package org.minedecl.server.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import org.minedecl.server.access.Principal;
import org.minedecl.server.access.Role;

/** {@code POST /api/v1/auth/challenge} and {@code POST /api/v1/auth/token}: certificate login. */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthController {
    private final LoginService login;

    public AuthController(LoginService login) {
        this.login = login;
    }

    /** The token request: the nonce, and the base64 DER CMS signature over it. */
    public record TokenRequest(@Nullable String nonce, @Nullable String signature) {
    }

    /** Whom a token is for. */
    public record PrincipalView(String uscc, List<Role> roles, List<String> jurisdictions) {
        static PrincipalView of(Principal p) {
            return new PrincipalView(p.uscc(), p.roles().stream().sorted().toList(), p.jurisdictions());
        }
    }

    /** The token answer (OAuth 2.0 names). */
    public record TokenResponse(@JsonProperty("access_token") String accessToken,
                                @JsonProperty("token_type") String tokenType,
                                @JsonProperty("expires_in") long expiresIn, PrincipalView principal) {
    }

    @Post("/challenge")
    public LoginService.Challenge challenge() {
        return login.challenge();
    }

    @Post("/token")
    public TokenResponse token(@Body TokenRequest request) {
        LoginService.Login l = login.login(request.nonce(), request.signature());
        return new TokenResponse(l.token().token(), "Bearer", l.token().expiresIn(), PrincipalView.of(l.principal()));
    }
}
