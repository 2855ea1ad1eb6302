package org.opencdp.personaldata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.opencdp.jdbc.Jdbc;
import org.opencdp.migrations.UpToDateCheck;

import io.quarkus.flyway.FlywayDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings the key database up to date at start-up (its own Flyway, as the key database's owner role), after the data
 * database's migrations ({@code libs/migrations}) and before the scheduler starts jobs.
 *
 * <p>Up to release 2026-11-26 the wrapped keys lived in the data database's {@code subject_key}: they are copied,
 * unchanged, into the key database (a key already there wins) and the old table is dropped, so the data database and
 * its future backups hold no key. On a fresh database the old migration still creates that table (a released
 * migration is never edited); it is empty and dropped here.
 *
 * <p>Flyway runs only when there is something to do ({@link UpToDateCheck}: the key database's history differs from
 * its files, or the old table is there), not at every start. (Quarkus builds the Flyway bean at every start all the
 * same: libs/migrations' MigrateAtStart says why.)
 */
@ApplicationScoped
class KeyDatabaseMigration {

    private static final Logger LOG = Logger.getLogger(KeyDatabaseMigration.class);
    /** After libs/migrations' MigrateAtStart (PLATFORM_BEFORE - 10), before the scheduler (PLATFORM_BEFORE). */
    private static final int AFTER_THE_DATA_MIGRATIONS = Interceptor.Priority.PLATFORM_BEFORE - 5;

    private static final int BATCH = 1000;

    void migrate(
            @Observes @Priority(AFTER_THE_DATA_MIGRATIONS) StartupEvent start,
            @FlywayDataSource(SubjectKeyVault.DATASOURCE) Instance<Flyway> keyDatabase,
            Instance<Flyway> dataDatabase,
            DataSource application) {
        if (!UpToDateCheck.of(SubjectKeyVault.DATASOURCE).holds()) {
            keyDatabase.get().migrate();
        }
        // Whether a table exists is in the catalog, which every role may read: the application's session answers it.
        try (Connection session = application.getConnection()) {
            if (!hasOldKeyTable(session)) {
                return;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("could not look for the old subject key table", e);
        }
        // Both as the owner roles: only they may read the old table, write keys unchecked and drop it.
        try (Connection data =
                        dataDatabase.get().getConfiguration().getDataSource().getConnection();
                Connection keys =
                        keyDatabase.get().getConfiguration().getDataSource().getConnection()) {
            int moved = copyKeys(data, keys);
            try (Statement drop = data.createStatement()) {
                drop.execute("DROP TABLE subject_key");
            }
            LOG.infof("Moved %d subject keys from the data database to the key database", moved);
        } catch (SQLException e) {
            throw Jdbc.failure("could not move the subject keys to the key database", e);
        }
    }

    private static boolean hasOldKeyTable(Connection data) throws SQLException {
        try (Statement query = data.createStatement();
                ResultSet rs = query.executeQuery("SELECT to_regclass('subject_key') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static int copyKeys(Connection data, Connection keys) throws SQLException {
        int moved = 0;
        try (Statement select = data.createStatement();
                ResultSet rs = select.executeQuery(
                        "SELECT subject_id, master_key_id, wrapped_key, created_at FROM subject_key");
                PreparedStatement insert = keys.prepareStatement("""
                        INSERT INTO subject_key (subject_id, master_key_id, wrapped_key, created_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT (subject_id) DO NOTHING""")) {
            while (rs.next()) {
                insert.setObject(1, rs.getObject(1));
                insert.setString(2, rs.getString(2));
                insert.setBytes(3, rs.getBytes(3));
                insert.setObject(4, rs.getObject(4));
                insert.addBatch();
                if (++moved % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return moved;
    }
}
