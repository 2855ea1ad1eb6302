package org.opencdp.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Plain JDBC for the services' repositories, on the transaction's connection (inside a {@code @Transactional} method
 * Agroal enlists it, outside one it is an autocommit connection).
 *
 * <p>Parameters are bound by their Java type: an {@link Instant} as a {@code timestamptz}, an enum by its name (the
 * columns hold the names), a collection of UUIDs as a {@code uuid[]}, and a {@code String[]}, {@code Integer[]},
 * {@code BigDecimal[]} or {@code Double[]} as a {@code text[]}, {@code int4[]}, {@code numeric[]} or {@code float8[]}
 * (for {@code = ANY(?)} and {@code unnest}); anything else as the driver binds it. The readers turn a column into the
 * same types back.
 *
 * <p><b>A SQL failure</b> is a bug or an outage, never bad input: it becomes an {@link IllegalStateException} whose
 * message names the database and the SQLState only. PostgreSQL's own message text is left out on purpose, from the
 * cause too: it can quote values of the row ({@code Key (email)=(…) already exists}), and personal data never
 * reaches a log (docs/security.md). Leaving it out of the message alone would not do: some loggers print the whole
 * cause chain with its messages (Quarkus's scheduler does for a failing {@code @Scheduled} method). So the cause is a
 * copy of the driver's exception with its SQLState, error code and stack frames but without its text; what failed in
 * detail is in PostgreSQL's own log.
 */
public final class Jdbc {

    /** What runs on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Reads the current row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static final String UNKNOWN_DATABASE = "unknown";

    private Jdbc() {}

    /** Runs the work on a connection of the data source, which it closes (or hands back to the transaction). */
    public static <T> T with(DataSource dataSource, Work<T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw failure("no connection to the database", e);
        }
        String database = UNKNOWN_DATABASE;
        try (connection) {
            // The driver keeps the name it connected to: no round trip.
            database = connection.getCatalog();
            return work.run(connection);
        } catch (SQLException e) {
            throw failure("database " + database, e);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; how many rows it changed. */
    public static int update(DataSource dataSource, String sql, Object... parameters) {
        return with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(c, s, parameters);
                return s.executeUpdate();
            }
        });
    }

    /** Every row the query finds, in its order. */
    public static <T> List<T> list(DataSource dataSource, String sql, Row<T> row, Object... parameters) {
        return with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(c, s, parameters);
                List<T> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(row.read(rs));
                    }
                }
                return found;
            }
        });
    }

    /** The query's first row, if it finds one. */
    public static <T> Optional<T> first(DataSource dataSource, String sql, Row<T> row, Object... parameters) {
        return with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(c, s, parameters);
                s.setMaxRows(1);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Binds the parameters to the statement's placeholders in order, each by its Java type (see the class). */
    public static void bind(Connection c, PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameter(c, parameters[i]));
        }
    }

    /** An instant as the driver binds a {@code timestamptz}; {@code null} stays {@code null}. */
    public static OffsetDateTime timestamptz(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Object parameter(Connection c, Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case Instant instant -> timestamptz(instant);
            case Enum<?> constant -> constant.name();
            case Collection<?> ids -> c.createArrayOf("uuid", ids.toArray(new UUID[0]));
            case String[] names -> c.createArrayOf("text", names);
            case Integer[] numbers -> c.createArrayOf("int4", numbers);
            case BigDecimal[] amounts -> c.createArrayOf("numeric", amounts);
            case Double[] numbers -> c.createArrayOf("float8", numbers);
            default -> value;
        };
    }

    public static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static Instant instant(ResultSet rs, int column) throws SQLException {
        return instant(rs.getObject(column, OffsetDateTime.class));
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs.getObject(column, OffsetDateTime.class));
    }

    public static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static Integer integer(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, Integer.class);
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Integer.class);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    /**
     * The error rule for JDBC written by hand outside {@link #with} (tracking-service's ingestion): what failed, its
     * SQLState, and the driver's exception without its text as the cause.
     */
    public static IllegalStateException failure(String where, SQLException e) {
        return new IllegalStateException(where + ": SQLState " + e.getSQLState(), withoutText(e));
    }

    /** The driver's exception without its message and without its own causes, which may quote the same values. */
    private static SQLException withoutText(SQLException e) {
        SQLException copy = new SQLException("SQLState " + e.getSQLState(), e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
