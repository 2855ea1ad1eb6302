package org.opencdp.migrations;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

import io.quarkus.runtime.StartupEvent;

/**
 * Migrates the database when the service starts, before anything uses it: the HTTP port opens only after every
 * start-up observer has run, and this one runs before the scheduler starts jobs such as the outbox relay.
 */
@ApplicationScoped
class MigrateAtStart {

    /** The scheduler starts at {@code PLATFORM_BEFORE}; libs/personal-data migrates its key database in between. */
    private static final int BEFORE_THE_SCHEDULER = Interceptor.Priority.PLATFORM_BEFORE - 10;

    void migrate(
            @Observes @Priority(BEFORE_THE_SCHEDULER) StartupEvent start,
            Flyway flyway,
            @ConfigProperty(name = "quarkus.flyway.migrate-at-start") boolean quarkusMigrates,
            @ConfigProperty(name = "quarkus.flyway.locations") List<String> locations) {
        if (quarkusMigrates) {
            throw new IllegalStateException(
                    "quarkus.flyway.migrate-at-start must be false: Quarkus would migrate every"
                            + " owner in one history. libs/migrations migrates each in its own (see libs/migrations/README.md)");
        }
        new OwnedMigrations(flyway.getConfiguration(), locations).migrate();
    }
}
