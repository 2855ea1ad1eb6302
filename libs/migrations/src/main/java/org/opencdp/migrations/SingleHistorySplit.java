package org.opencdp.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * Moves a history of earlier releases apart: up to release 2026-11-26 every library's migrations were recorded in
 * the service's history table. Each library's rows (told apart by their script, which Quarkus records with its
 * classpath folder: {@code db/opencdp/audit/V2026.11.25.201__audit_trail.sql}) move, unchanged, into the library's
 * own table, which gets the same columns, keys and indexes. Nothing is applied again and nothing is lost; a
 * database without such rows is left as it is.
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

    void split(List<MigrationOwner> libraries) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                execute(c, "SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", 0)");
                if (exists(c, serviceTable)) {
                    for (MigrationOwner library : libraries) {
                        moveRowsOf(c, library);
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

    private void moveRowsOf(Connection c, MigrationOwner library) throws SQLException {
        if (exists(c, library.table())) {
            return;
        }
        String single = '"' + serviceTable + '"';
        String ofTheLibrary = " WHERE starts_with(script, ?)";
        String folder = library.location().getRootPath() + "/";
        if (!holdsRows(c, "SELECT EXISTS (SELECT FROM " + single + ofTheLibrary + ")", folder)) {
            return;
        }
        execute(c, "CREATE TABLE " + library.quotedTable() + " (LIKE " + single + " INCLUDING ALL)");
        int moved =
                update(c, "INSERT INTO " + library.quotedTable() + " SELECT * FROM " + single + ofTheLibrary, folder);
        update(c, "DELETE FROM " + single + ofTheLibrary, folder);
        LOG.infof(
                "Moved %d applied migrations of %s from %s to its own history %s",
                moved, library.name(), serviceTable, library.table());
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

    private static boolean holdsRows(Connection c, String exists, String folder) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(exists)) {
            query.setString(1, folder);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static int update(Connection c, String sql, String folder) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, folder);
            return statement.executeUpdate();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
