package org.opencdp.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Looks straight into the test database, past the service: to prove what was (or was not) stored, and that a
 * stored value reveals nothing. It connects with the running application's own datasource settings, so it always
 * sees the database of the application under test, whichever {@link WithPostgres} variant started it.
 */
public final class TestDatabase {

    private TestDatabase() {}

    public static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection c = connect();
                PreparedStatement statement = prepare(c, sql, parameters);
                ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql, e);
        }
    }

    /** The single value of a query such as {@code SELECT count(*) FROM customer}. */
    public static long count(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        return ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    public static int execute(String sql, Object... parameters) {
        try (Connection c = connect();
                PreparedStatement statement = prepare(c, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test statement failed: " + sql, e);
        }
    }

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
