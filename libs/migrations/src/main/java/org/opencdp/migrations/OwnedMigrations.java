package org.opencdp.migrations;

import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Migrates the schema owner by owner, each with its own Flyway history: every library's migrations, then the
 * service's, in the order of {@code quarkus.flyway.locations}.
 *
 * <p>Why not one history: Flyway refuses a migration whose version is below the highest applied one (the
 * out-of-order check), and a single history mixes the versions of independently released owners, so a library
 * migration released after a service applied a higher version could never run. Within one owner, versions only
 * grow, as Flyway expects; across owners, the fixed order (libraries first, then the service) is the same on a
 * fresh database and on an upgraded one, because an owner's migrations touch only the owner's own tables.
 *
 * <p>Everything else comes from the base configuration Quarkus builds: the data source (and so
 * {@code quarkus.flyway.username}/{@code password} if a deployment migrates as another role than the application
 * connects with), placeholders, the migration files found at build time.
 */
public final class OwnedMigrations {

    private final Configuration base;
    private final List<MigrationOwner> owners;

    /**
     * @param base the configuration Quarkus built for the datasource
     * @param locations {@code quarkus.flyway.locations} as configured: its order is the owners' order (Flyway keeps
     *     its own copy sorted)
     */
    public OwnedMigrations(Configuration base, List<String> locations) {
        if (base.getDefaultSchema() != null || base.getSchemas().length > 0) {
            throw new IllegalStateException("quarkus.flyway.default-schema and schemas are not supported: every history"
                    + " lives in the connection's current schema, where the single history of earlier releases lies");
        }
        this.base = base;
        this.owners = MigrationOwner.inOrder(locations, base.getTable());
    }

    /**
     * Brings every owner up to date, after moving a history of earlier releases apart if there is one. All of it runs
     * on the same one or two database sessions ({@link ReusedConnections}), not on new ones for every owner.
     */
    public void migrate() {
        try (ReusedConnections sessions = new ReusedConnections(base.getDataSource())) {
            new SingleHistorySplit(sessions, base.getTable())
                    .split(owners.stream().filter(owner -> !owner.isService()).toList());
            for (MigrationOwner owner : owners) {
                migrate(owner, sessions);
            }
        }
    }

    private void migrate(MigrationOwner owner, DataSource sessions) {
        Flyway flyway = flywayOf(owner, sessions);
        // An owner without migrations and without a history has nothing to do (and gets no table). Flyway is asked
        // (info: a command of its own, with a read of the history) only for an owner without migration files: one with
        // files always has something to check. That saves a start 7 of consent-service's 16 Flyway commands, about
        // 0.2-0.4 s (docs/operations.md, "The AOT cache": where a start's time goes).
        if (hasOwnMigrations(owner) || flyway.info().all().length > 0) {
            flyway.migrate();
        }
    }

    /** Whether the migration files Quarkus found at build time hold any of the owner's (false if it found none). */
    private boolean hasOwnMigrations(MigrationOwner owner) {
        ResourceProvider resources = base.getResourceProvider();
        if (resources != null) {
            ResourceProvider own = ownResources(resources, owner);
            String[] suffixes = base.getSqlMigrationSuffixes();
            if (!own.getResources(base.getSqlMigrationPrefix(), suffixes).isEmpty()
                    || !own.getResources(base.getRepeatableSqlMigrationPrefix(), suffixes)
                            .isEmpty()) {
                return true;
            }
        }
        ClassProvider<JavaMigration> classes = base.getJavaMigrationClassProvider();
        return classes != null && !ownClasses(classes, owner).getClasses().isEmpty();
    }

    private Flyway flywayOf(MigrationOwner owner, DataSource sessions) {
        FluentConfiguration configuration = Flyway.configure(base.getClassLoader())
                .configuration(base)
                .dataSource(sessions)
                .locations(owner.location())
                .table(owner.table())
                // A history that does not exist yet starts at version 0 even when other owners' tables are there
                // already, so all of the owner's migrations run. (Without it, Flyway refuses a non-empty schema.)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("history of " + owner.name() + " starts");
        // Quarkus hands Flyway the migration files it found at build time for all locations together (the only way
        // they are found in a native image): each owner takes its own.
        ResourceProvider resources = base.getResourceProvider();
        if (resources != null) {
            configuration.resourceProvider(ownResources(resources, owner));
        }
        ClassProvider<JavaMigration> classes = base.getJavaMigrationClassProvider();
        if (classes != null) {
            configuration.javaMigrationClassProvider(ownClasses(classes, owner));
        }
        return configuration.load();
    }

    private static ResourceProvider ownResources(ResourceProvider all, MigrationOwner owner) {
        String folder = owner.location().getRootPath() + "/";
        return new ResourceProvider() {
            @Override
            public LoadableResource getResource(String name) {
                LoadableResource resource = all.getResource(name);
                return resource != null && resource.getAbsolutePath().startsWith(folder) ? resource : null;
            }

            @Override
            public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
                return all.getResources(prefix, suffixes).stream()
                        .filter(resource -> resource.getAbsolutePath().startsWith(folder))
                        .toList();
            }
        };
    }

    private static ClassProvider<JavaMigration> ownClasses(ClassProvider<JavaMigration> all, MigrationOwner owner) {
        String folder = owner.location().getRootPath() + "/";
        return () -> all.getClasses().stream()
                .filter(type -> type.getName().replace('.', '/').startsWith(folder))
                .toList();
    }
}
