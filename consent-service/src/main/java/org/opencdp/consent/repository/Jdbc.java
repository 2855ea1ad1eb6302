package org.opencdp.consent.repository;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * The repositories speak SQL over the service's {@link DataSource}, which joins the caller's transaction: the ledger
 * needs statements Hibernate does not write well (one upsert guarded by the ledger sequence, a batch decision over
 * unnested arrays), and one way of storing for the whole service keeps it readable.
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
            throw new IllegalStateException("consent database: " + e.getSQLState(), e);
        }
    }
}
