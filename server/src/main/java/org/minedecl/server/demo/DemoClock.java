package org.minedecl.server.demo;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's "now" while the demo loads (environment {@code demo} only): set to each filing's receipt time, so
 * that filings of past quarters are received - and judged on time or late - at their own times.
 */
@Singleton
@Replaces(Clock.class)
@Requires(env = DemoClock.ENVIRONMENT)
public class DemoClock extends Clock {
    /** The Micronaut environment of the demo loader. */
    public static final String ENVIRONMENT = "demo";
    private volatile Instant now = Instant.now();

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
