package org.opencdp.subjectrights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencdp.jdbc.Jdbc;

/**
 * One purge run at a time in this service, across all its replicas. Without it, two runs (the daily one and one a
 * DPO starts, or a run and its own retry after the caller's read timeout) delete the same expired records at the
 * same moment, and one of them fails on a row the other has just deleted. A second run waits until the first is
 * done; a retry of the same run then finds its stored report.
 *
 * <p>A session-level advisory lock in the service's database, on a connection of its own held for the whole run: a
 * run spans many transactions (one per erased subject), so a transaction-scoped lock would not cover it. Should the
 * replica die, PostgreSQL ends the session and the lock with it.
 */
@ApplicationScoped
class PurgeLock {

    /** First key of the advisory lock ("PURG"), apart from every other user of advisory locks. */
    static final int LOCK_SPACE = 0x50555247;

    @Inject
    DataSource dataSource;

    <T> T holding(Supplier<T> run) {
        try (Connection session = dataSource.getConnection()) {
            execute(session, "SELECT pg_advisory_lock(?, 0)");
            try {
                return run.get();
            } finally {
                execute(session, "SELECT pg_advisory_unlock(?, 0)");
            }
        } catch (SQLException e) {
            throw Jdbc.failure("the purge lock could not be taken or released", e);
        }
    }

    private static void execute(Connection session, String sql) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement(sql)) {
            Jdbc.bind(session, statement, LOCK_SPACE);
            statement.execute();
        }
    }
}
