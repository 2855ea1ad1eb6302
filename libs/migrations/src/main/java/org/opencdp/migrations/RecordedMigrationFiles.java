package org.opencdp.migrations;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The migration files Quarkus found at build time, read without building Flyway's configuration: Quarkus's Flyway
 * extension records them (and any Java migrations and callbacks) in static fields of its
 * {@code QuarkusPathLocationScanner} before the application starts, and that scanner is where
 * {@code Configuration.getResourceProvider()} takes them from. The fields are private, so they are read reflectively;
 * if a Quarkus release renames them, {@link #read()} finds nothing and every start takes Flyway's path, as before
 * (OwnedMigrationsUpToDateTest fails first).
 */
final class RecordedMigrationFiles {

    private static final String SCANNER = "io.quarkus.flyway.runtime.QuarkusPathLocationScanner";

    private RecordedMigrationFiles() {}

    /**
     * The classpath paths of all recorded migration files ({@code db/migration/V2026.11.20.1000__service.sql}), of
     * every datasource's locations; empty if they cannot be read, or if Java migrations or callbacks are recorded
     * (Flyway runs callbacks even when there is nothing to migrate, and a Java migration's checksum is its own).
     */
    static Optional<Collection<String>> read() {
        try {
            Class<?> scanner = Class.forName(SCANNER, false, RecordedMigrationFiles.class.getClassLoader());
            Collection<?> files = (Collection<?>) staticField(scanner, "applicationMigrationFiles");
            Collection<?> javaMigrations = (Collection<?>) staticField(scanner, "applicationMigrationClasses");
            Map<?, ?> callbacks = (Map<?, ?>) staticField(scanner, "applicationCallbackClasses");
            if (files == null || javaMigrations == null || !javaMigrations.isEmpty() || callbacks == null) {
                return Optional.empty();
            }
            if (callbacks.values().stream().anyMatch(each -> !((Collection<?>) each).isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(
                    List.copyOf(files.stream().map(String.class::cast).toList()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Object staticField(Class<?> type, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(null);
    }
}
