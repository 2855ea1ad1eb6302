package org.opencdp.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * Moves a history of earlier releases apart: up to release 2026-11-26 every library's migrations were recorded in
 * the service's history table. Each library's rows (told apart by version: versions never repeated across owners
 * in that history) move, unchanged, into the library's own table, which gets the same columns, keys and indexes.
 * Nothing is applied again and nothing is lost; a database without such rows is left as it is.
 *
 * <p>One transaction, under an advisory lock, so replicas starting together split once, and a split that fails
 * leaves the single history as it was.
 */
final class SingleHistorySplit {

    private static final Logger LOG = Logger.getLogger(SingleHistorySplit.class);
    /** 'MIGR': the lock no other code of the suite takes. */
    private static final int LOCK_CLASS = 0x4D494752;

    private final DataSource dataSource;
    private final String serviceTable;

    SingleHistorySplit(DataSource dataSource, String serviceTable) {
        this.dataSource = dataSource;
        this.serviceTable = serviceTable;
    }

    void split(Map<MigrationOwner, Set<String>> libraryVersions) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                execute(c, "SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", 0)");
                if (exists(c, serviceTable)) {
                    for (Map.Entry<MigrationOwner, Set<String>> library : libraryVersions.entrySet()) {
                        moveRowsOf(c, library.getKey(), library.getValue());
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not split the single Flyway history " + serviceTable, e);
        }
    }

    private void moveRowsOf(Connection c, MigrationOwner library, Set<String> versions) throws SQLException {
        if (versions.isEmpty() || exists(c, library.table())) {
            return;
        }
        String single = '"' + serviceTable + '"';
        String where = " WHERE version = ANY (?)";
        try (PreparedStatement rows = c.prepareStatement("SELECT count(*) FROM " + single + where)) {
            rows.setArray(1, c.createArrayOf("text", versions.toArray()));
            try (ResultSet count = rows.executeQuery()) {
                count.next();
                if (count.getLong(1) == 0) {
                    return;
                }
            }
        }
        execute(c, "CREATE TABLE " + library.quotedTable() + " (LIKE " + single + " INCLUDING ALL)");
        int moved = update(c, "INSERT INTO " + library.quotedTable() + " SELECT * FROM " + single + where, versions);
        update(c, "DELETE FROM " + single + where, versions);
        LOG.infof("Moved %d applied migrations of %s from %s to its own history %s", moved, library.name(),
                serviceTable, library.table());
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, '"' + table + '"');
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static int update(Connection c, String sql, Set<String> versions) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setArray(1, c.createArrayOf("text", versions.toArray()));
            return statement.executeUpdate();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
