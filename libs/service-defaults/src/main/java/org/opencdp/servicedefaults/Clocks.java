package org.opencdp.servicedefaults;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The clock every service reads "now" and "today" from: code asks {@code Instant.now(clock)}, never
 * {@code Instant.now()} (the services' architecture tests refuse the latter), so that time is one thing a test can
 * set. This is only the default: a test, or a service, that declares a {@link Clock} bean of its own replaces it.
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
