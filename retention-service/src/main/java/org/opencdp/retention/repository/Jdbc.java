package org.opencdp.retention.repository;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

/**
 * The repositories speak SQL over the service's {@link DataSource}, which joins the caller's transaction: the task
 * queue needs {@code FOR UPDATE SKIP LOCKED}, which Hibernate does not write, and one way of storing keeps the
 * service readable.
 */
final class Jdbc {

    private Jdbc() {}

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static <T> T with(DataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("retention database: " + e.getSQLState(), e);
        }
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
