package org.minedecl.server.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** "Now" for the whole server: tests replace this bean with a fixed clock. */
@Factory
public class ClockFactory {
    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }
}
