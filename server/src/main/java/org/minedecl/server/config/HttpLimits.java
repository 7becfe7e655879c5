package org.minedecl.server.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * What one client may hold of the server, {@code minedecl.limits.*} (environment: {@code MINEDECL_LIMITS_...}).
 * An upload still receiving its body holds a thread, a socket and a spool file: these bound how many, how long.
 * The operations guide lists them with Netty's own limits.
 *
 * @param concurrentUploads   uploads receiving or being checked at once; more wait {@code uploadQueueWait}, then
 *                            get 503 {@code SERVER_BUSY} with {@code Retry-After}
 * @param uploadQueueWait     how long an upload waits for one of those places
 * @param minUploadRate       bytes per second an upload must average once {@code minUploadRateAfter} has passed;
 *                            slower ones are cut off with 408 {@code UPLOAD_TOO_SLOW} (4 KiB/s: a 20 KB/s county
 *                            line passes with room to spare, a client sending a byte a second holds its place
 *                            for that long only)
 * @param minUploadRateAfter  the start of an upload in which it may be slower (a TCP start, a hiccup)
 * @param headerTimeout       time for a request's line and headers, from its first byte (from the connection for
 *                            its first request); a client trickling its headers (slowloris) is closed after it
 * @param retryAfter          the {@code Retry-After} of a 503 answer
 * @param yieldBelowRate      while uploads wait for a place, the slowest upload that has run a second and averages
 *                            less than this (bytes per second) gives its place up: 503 {@code SERVER_BUSY}, so that
 *                            clients trickling bytes cannot keep honest ones out for long. 0: never.
 */
@ConfigurationProperties("minedecl.limits")
public record HttpLimits(
        @Bindable(defaultValue = "128") int concurrentUploads,
        @Bindable(defaultValue = "2s") Duration uploadQueueWait,
        @Bindable(defaultValue = "4096") long minUploadRate,
        @Bindable(defaultValue = "10s") Duration minUploadRateAfter,
        @Bindable(defaultValue = "10s") Duration headerTimeout,
        @Bindable(defaultValue = "5s") Duration retryAfter,
        @Bindable(defaultValue = "16384") long yieldBelowRate) {

    /** The defaults (for code that builds the server's parts without the application context, e.g. tests). */
    public static HttpLimits defaults() {
        return new HttpLimits(128, Duration.ofSeconds(2), 4096, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(5), 16384);
    }
}
