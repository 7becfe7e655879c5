package org.minedecl.server.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * The server's own settings, {@code minedecl.*} (environment: {@code MINEDECL_DATA_DIR},
 * {@code MINEDECL_TRUST_DIR}, {@code MINEDECL_MAX_UPLOAD_BYTES}, {@code MINEDECL_ZONE}, {@code MINEDECL_ADMINS_DIR}, {@code MINEDECL_TOKEN_KEY},
 * {@code MINEDECL_TOKEN_TTL}).
 *
 * @param dataDir        where the embedded database, the receipt key and upload temp files live
 * @param trustDir       trust anchors and CRLs; {@code <dataDir>/trust} when not set
 * @param maxUploadBytes largest accepted package; larger uploads get 413 before they are buffered
 * @param zone           the time zone that turns a signing time into the signing date ("today" of the rules)
 * @param receiptKey     PEM private key (PKCS#8) that signs receipts; {@code <dataDir>/receipt-key.pem} when not set
 *                       (generated, EC P-256, on first start when that file does not exist)
 * @param receiptCertificate PEM certificate of that key; {@code <dataDir>/receipt-cert.pem} when not set
 * @param storeBudgetMb  package megabytes that may be in the middle of being written to the database at once;
 *                       further uploads wait (bounds memory under many concurrent large uploads)
 * @param checkThreads   uploads that may be verified, evaluated and receipted at once (CPU work); 0 = one per
 *                       processor. More would only slow each other down and starve the database's commits.
 * @param adminsDir      administrators' certificates (PEM); {@code <dataDir>/admins} when not set
 * @param tokenKey       the secret (a file, 32 random bytes base64) that signs and checks access tokens;
 *                       {@code <dataDir>/token-key} when not set (generated on first start). Instances that accept
 *                       each other's tokens use the same file.
 * @param tokenTtl       access token lifetime in seconds (at most 3600)
 */
@ConfigurationProperties("minedecl")
public record ServerSettings(
        @Bindable(defaultValue = "./minedecl-data") String dataDir,
        @Nullable String trustDir,
        @Bindable(defaultValue = "104857600") long maxUploadBytes,
        @Bindable(defaultValue = "Asia/Shanghai") String zone,
        @Nullable String receiptKey,
        @Nullable String receiptCertificate,
        @Bindable(defaultValue = "64") int storeBudgetMb,
        @Bindable(defaultValue = "0") int checkThreads,
        @Nullable String adminsDir,
        @Nullable String tokenKey,
        @Bindable(defaultValue = "3600") int tokenTtl) {

    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    public Path trustPath() {
        return trustDir == null || trustDir.isBlank() ? dataPath().resolve("trust")
                : Path.of(trustDir).toAbsolutePath().normalize();
    }

    public Path adminsPath() {
        return adminsDir == null || adminsDir.isBlank() ? dataPath().resolve("admins")
                : Path.of(adminsDir).toAbsolutePath().normalize();
    }

    public Path tokenKeyPath() {
        return tokenKey == null || tokenKey.isBlank() ? dataPath().resolve("token-key")
                : Path.of(tokenKey).toAbsolutePath().normalize();
    }

    public Path receiptKeyPath() {
        return receiptKey == null || receiptKey.isBlank() ? dataPath().resolve("receipt-key.pem")
                : Path.of(receiptKey).toAbsolutePath().normalize();
    }

    public Path receiptCertificatePath() {
        return receiptCertificate == null || receiptCertificate.isBlank() ? dataPath().resolve("receipt-cert.pem")
                : Path.of(receiptCertificate).toAbsolutePath().normalize();
    }

    /** {@link #checkThreads}, with 0 resolved to the number of processors. */
    public int checkThreadsResolved() {
        return checkThreads > 0 ? checkThreads : Runtime.getRuntime().availableProcessors();
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}
