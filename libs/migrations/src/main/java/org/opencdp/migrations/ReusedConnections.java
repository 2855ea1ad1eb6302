package org.opencdp.migrations;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The data source of one start's migrations: a database session of the migrating role is opened once and handed out
 * again after Flyway closes it, instead of a new one for every owner and command (Flyway opens one or two per
 * command: each a server process, and the password's hashing on both sides). Before a session is handed out again,
 * {@code DISCARD ALL} resets it (settings, role, prepared statements, temporary tables, advisory locks), so that
 * nothing one owner's migrations set reaches the next owner's. {@link #close()} ends every session.
 */
final class ReusedConnections implements DataSource, AutoCloseable {

    private final DataSource source;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> opened = new ArrayList<>();

    ReusedConnections(DataSource source) {
        this.source = source;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        Connection physical = idle.poll();
        if (physical == null) {
            physical = source.getConnection();
            opened.add(physical);
        }
        return new LentConnection(physical, this);
    }

    /** A session Flyway is done with: reset, then idle until the next owner's command needs one. */
    synchronized void giveBack(Connection physical) throws SQLException {
        if (physical.isClosed()) {
            opened.remove(physical);
            return;
        }
        if (!physical.getAutoCommit()) {
            physical.rollback();
            physical.setAutoCommit(true);
        }
        try (Statement reset = physical.createStatement()) {
            reset.execute("DISCARD ALL");
        }
        idle.push(physical);
    }

    /**
     * Ends every session opened for the migrations. A session that fails to close does not fail the start: the
     * migrations are done, and the server ends the session when its socket goes.
     */
    @Override
    public synchronized void close() {
        for (Connection physical : opened) {
            try {
                physical.close();
            } catch (SQLException ignored) {
                // see above
            }
        }
        opened.clear();
        idle.clear();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the migrations' sessions all use the configured role");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return source.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        source.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        source.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return source.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return source.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return source.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return source.isWrapperFor(type);
    }
}
