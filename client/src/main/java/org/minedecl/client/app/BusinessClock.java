package org.minedecl.client.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * "Now" and "today" for the whole client, in the one zone of business dates (Asia/Shanghai, as the server): a
 * filing made at 01:00 in Beijing on 16 October is late by the server's count whatever the PC's zone is.
 * Services take one of these instead of reading the system clock; tests pass a fixed one.
 */
public final class BusinessClock {
    /** The zone of business dates (filing deadlines, days late, the signing day). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    private BusinessClock(Clock clock) {
        this.clock = clock.withZone(ZONE);
    }

    /** The system's clock, read in Asia/Shanghai. */
    public static BusinessClock system() {
        return new BusinessClock(Clock.systemUTC());
    }

    /** A clock that always says {@code instant} (tests, {@code --as-of}-like replays). */
    public static BusinessClock fixed(Instant instant) {
        return new BusinessClock(Clock.fixed(instant, ZONE));
    }

    /** Any clock, read in Asia/Shanghai. */
    public static BusinessClock of(Clock clock) {
        return new BusinessClock(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    /** Today's date in Asia/Shanghai. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** {@code asOf} when given (a user's {@code --as-of}), otherwise today in Asia/Shanghai. */
    public LocalDate today(LocalDate asOf) {
        return asOf != null ? asOf : today();
    }

    /** The business date of an instant (e.g. a package's signing time). */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    public ZonedDateTime zonedNow() {
        return ZonedDateTime.now(clock);
    }

    /** The underlying clock, in Asia/Shanghai (for writers that take a {@link Clock}). */
    public Clock clock() {
        return clock;
    }
}
