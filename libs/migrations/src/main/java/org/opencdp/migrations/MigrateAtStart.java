package org.opencdp.migrations;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

import io.quarkus.runtime.StartupEvent;

/**
 * Migrates the database when the service starts, before anything uses it: the HTTP port opens only after every
 * start-up observer has run, and this one runs before the scheduler starts jobs such as the outbox relay.
 *
 * <p>Flyway's commands (a read of each history, the checksums of every file, and the classes they load) run only when
 * the histories differ from the migration files: on most starts nothing is to be migrated, which {@link UpToDateCheck}
 * finds with one read of all histories. The Flyway bean itself and its configuration are built at every start all the
 * same: Quarkus's Flyway extension declares them as start-up beans, which {@code quarkus.flyway.active=false} does not
 * stop (docs/operations.md, "The AOT cache": what the skip does not remove).
 */
@ApplicationScoped
class MigrateAtStart {

    /** The scheduler starts at {@code PLATFORM_BEFORE}; libs/personal-data migrates its key database in between. */
    private static final int BEFORE_THE_SCHEDULER = Interceptor.Priority.PLATFORM_BEFORE - 10;

    @Inject
    Instance<Flyway> flyway;

    @ConfigProperty(name = "quarkus.flyway.locations")
    List<String> locations;

    @ConfigProperty(name = "quarkus.flyway.table", defaultValue = "flyway_schema_history")
    String table;

    void migrate(
            @Observes @Priority(BEFORE_THE_SCHEDULER) StartupEvent start,
            @ConfigProperty(name = "quarkus.flyway.migrate-at-start") boolean quarkusMigrates) {
        if (quarkusMigrates) {
            throw new IllegalStateException(
                    "quarkus.flyway.migrate-at-start must be false: Quarkus would migrate every"
                            + " owner in one history. libs/migrations migrates each in its own (see libs/migrations/README.md)");
        }
        migrateUnlessUpToDate();
    }

    /** @return whether Flyway ran (false: every history matched its files, nothing was to be done) */
    boolean migrateUnlessUpToDate() {
        if (UpToDateCheck.of(UpToDateCheck.DEFAULT_DATASOURCE).holdsFor(MigrationOwner.inOrder(locations, table))) {
            return false;
        }
        new OwnedMigrations(flyway.get().getConfiguration(), locations).migrate();
        return true;
    }
}
