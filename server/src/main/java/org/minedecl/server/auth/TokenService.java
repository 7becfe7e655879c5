package org.minedecl.server.auth;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import io.micronaut.security.token.jwt.validator.JwtValidator;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.minedecl.server.access.CertificateRef;
import org.minedecl.server.access.Role;
import org.minedecl.server.config.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens: JWTs made and checked by micronaut-security-jwt, HS256 with the secret in the token key file
 * ({@code MINEDECL_TOKEN_KEY}, default {@code <data dir>/token-key}: 32 random bytes, base64, generated on first
 * start). Several instances accept each other's tokens when they read the same key file. Expiry is checked
 * against the server's clock here, not the library's.
 */
@Singleton
public class TokenService {
    static final String ISSUER = "minedecl";
    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
    private final JwtTokenGenerator generator;
    private final JwtValidator<Object> validator;
    private final Clock clock;
    private final Duration ttl;

    /** What a valid token says. */
    public record Claims(CertificateRef certificate, Set<Role> roles, String regulatorId, Instant issuedAt,
                         Instant expiresAt) {
    }

    /** An issued token and its lifetime. */
    public record Issued(String token, long expiresIn) {
    }

    public TokenService(ServerSettings settings, Clock clock) {
        SecretSignatureConfiguration config = new SecretSignatureConfiguration("minedecl-token");
        config.setSecret(loadOrCreate(settings.tokenKeyPath()));
        config.setBase64(true);
        SecretSignature signature = new SecretSignature(config);
        this.generator = new JwtTokenGenerator(signature, null, null);
        this.validator = JwtValidator.builder().withSignatures(signature).build();
        this.clock = clock;
        this.ttl = Duration.ofSeconds(Math.max(1, Math.min(3600, settings.tokenTtl())));
    }

    /** The key file's secret; a new one is written (atomically, never over another instance's) when there is none. */
    static String loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "token-key", ".tmp");
                Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n");
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                    LOG.info("generated the access token key {}", file);
                } catch (FileAlreadyExistsException e) {
                    Files.deleteIfExists(tmp); // another instance was first: use its key
                }
            }
            String secret = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (Base64.getDecoder().decode(secret).length < 32) {
                throw new IllegalStateException("the access token key " + file + " holds less than 32 bytes");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the access token key " + file, e);
        }
    }

    public Issued issue(CertificateRef cert, Set<Role> roles, String regulatorId) {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", cert.fingerprint());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", Date.from(now));
        claims.put("exp", Date.from(now.plus(ttl)));
        claims.put("subj", cert.subject());
        claims.put("ser", cert.serial());
        claims.put("idn", cert.issuer());
        if (cert.uscc() != null) {
            claims.put("uscc", cert.uscc());
        }
        claims.put("roles", roles.stream().map(Enum::name).sorted().toList());
        if (regulatorId != null) {
            claims.put("reg", regulatorId);
        }
        String token = generator.generateToken(claims).orElseThrow(() -> new IllegalStateException("no token"));
        return new Issued(token, ttl.toSeconds());
    }

    /** The claims of a token that this server (or one sharing its key) issued and that has not expired. */
    public Optional<Claims> verify(String token) {
        Optional<JWT> jwt;
        try {
            jwt = validator.validate(token, null);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (jwt.isEmpty()) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet c = jwt.get().getJWTClaimsSet();
            Instant now = clock.instant();
            if (!ISSUER.equals(c.getIssuer()) || c.getExpirationTime() == null || c.getIssueTime() == null
                    || !c.getExpirationTime().toInstant().isAfter(now)
                    || c.getIssueTime().toInstant().isAfter(now.plus(Duration.ofMinutes(5)))) {
                return Optional.empty();
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            List<String> names = c.getStringListClaim("roles");
            for (String r : names == null ? new ArrayList<String>() : names) {
                roles.add(Role.valueOf(r));
            }
            CertificateRef cert = new CertificateRef(c.getStringClaim("subj"), c.getStringClaim("uscc"),
                    c.getStringClaim("ser"), c.getStringClaim("idn"), c.getSubject());
            if (cert.fingerprint() == null || cert.serial() == null || cert.issuer() == null) {
                return Optional.empty();
            }
            return Optional.of(new Claims(cert, roles, c.getStringClaim("reg"), c.getIssueTime().toInstant(),
                    c.getExpirationTime().toInstant()));
        } catch (java.text.ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
