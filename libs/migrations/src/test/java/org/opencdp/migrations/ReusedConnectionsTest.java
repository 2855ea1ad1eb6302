package org.opencdp.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/** The migrations' sessions, on the data source Flyway migrates with: reused, reset between users, ended at the end. */
@QuarkusTest
@WithPostgres
class ReusedConnectionsTest {

    @Inject
    Flyway flyway;

    @Test
    void aClosedConnectionsSessionIsReusedWithoutWhatItsLastUserSet() throws SQLException {
        try (ReusedConnections sessions =
                new ReusedConnections(flyway.getConfiguration().getDataSource())) {
            String session;
            try (Connection first = sessions.getConnection()) {
                execute(first, "SET statement_timeout = '12s'");
                session = value(first, "SELECT pg_backend_pid()");
            }
            try (Connection second = sessions.getConnection()) {
                assertThat(value(second, "SELECT pg_backend_pid()")).isEqualTo(session);
                assertThat(value(second, "SHOW statement_timeout")).isEqualTo("0");
            }
        }
    }

    @Test
    void connectionsInUseAtOnceAreSessionsOfTheirOwnAndAllEndAtTheClose() throws SQLException {
        Connection firstSession;
        Connection secondSession;
        try (ReusedConnections sessions =
                        new ReusedConnections(flyway.getConfiguration().getDataSource());
                Connection first = sessions.getConnection();
                Connection second = sessions.getConnection()) {
            assertThat(value(first, "SELECT pg_backend_pid()")).isNotEqualTo(value(second, "SELECT pg_backend_pid()"));
            firstSession = first.unwrap(Connection.class);
            secondSession = second.unwrap(Connection.class);
        }
        assertThat(firstSession.isClosed()).isTrue();
        assertThat(secondSession.isClosed()).isTrue();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
