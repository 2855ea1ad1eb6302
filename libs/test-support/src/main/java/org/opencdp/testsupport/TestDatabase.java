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
 * stored value reveals nothing. It connects with the running application's own settings, so it always sees the
 * database of the application under test, whichever {@link WithPostgres} variant started it.
 *
 * <p>The static methods use the data database as the owner of its tables (the role the migrations run as), so a
 * test may also change what the application itself may not. {@link #KEYS} is the key database of
 * libs/personal-data, {@link #AS_APPLICATION} the data database as the application's own, restricted role.
 */
public final class TestDatabase {

    /** The key database (libs/personal-data's wrapped subject keys and tombstones), as its owner. */
    public static final TestDatabase KEYS = new TestDatabase("quarkus.datasource.keys", "quarkus.flyway.keys");

    /** The data database as the role the application connects with: to prove what that role may not do. */
    public static final TestDatabase AS_APPLICATION = new TestDatabase("quarkus.datasource", "quarkus.datasource");

    private static final TestDatabase DATA = new TestDatabase("quarkus.datasource", "quarkus.flyway");

    private final String datasource;
    private final String credentials;

    private TestDatabase(String datasource, String credentials) {
        this.datasource = datasource;
        this.credentials = credentials;
    }

    public static List<Map<String, Object>> rows(String sql, Object... parameters) {
        return DATA.query(sql, parameters);
    }

    /** The single value of a query such as {@code SELECT count(*) FROM customer}. */
    public static long count(String sql, Object... parameters) {
        return DATA.number(sql, parameters);
    }

    public static int execute(String sql, Object... parameters) {
        return DATA.update(sql, parameters);
    }

    public List<Map<String, Object>> query(String sql, Object... parameters) {
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

    /** The single value of a query such as {@code SELECT count(*) FROM subject_key}. */
    public long number(String sql, Object... parameters) {
        List<Map<String, Object>> rows = query(sql, parameters);
        return ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    public int update(String sql, Object... parameters) {
        try (Connection c = connect();
                PreparedStatement statement = prepare(c, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test statement failed: " + sql, e);
        }
    }

    /** A connection of its own, for a test that must see the database's own error (the caller closes it). */
    public Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue(datasource + ".jdbc.url", String.class);
        // Without an owner of their own (no separate migration role), the application's credentials are the owner's.
        String user = config.getOptionalValue(credentials + ".username", String.class)
                .orElseGet(() -> config.getValue(datasource + ".username", String.class));
        String password = config.getOptionalValue(credentials + ".password", String.class)
                .orElseGet(() -> config.getValue(datasource + ".password", String.class));
        return DriverManager.getConnection(url, user, password);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
