package org.opencdp.behaviour.repository;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Plain JDBC on the transaction's connection, for what this service does set-based (bulk imports, recomputes,
 * reports): Hibernate would load entities one by one. A SQL failure is a bug or an outage, never bad input.
 */
final class Jdbc {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Jdbc() {}

    static <T> T with(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("database statement failed: " + e.getMessage(), e);
        }
    }
}
