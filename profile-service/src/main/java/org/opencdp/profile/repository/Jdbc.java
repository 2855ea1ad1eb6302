package org.opencdp.profile.repository;

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
 * Plain JDBC on the transaction's connection (inside a {@code @Transactional} method Agroal enlists it, outside one it
 * is an autocommit connection). Parameters are bound by their Java type: an {@link Instant} as a {@code timestamptz},
 * an enum by its name (the columns hold the names), a collection of UUIDs as a {@code uuid[]} and a {@code String[]}
 * as a {@code text[]} for {@code = ANY(?)}.
 * A SQL failure is a bug or an outage, never bad input.
 */
final class Jdbc {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Jdbc() {}

    static <T> T with(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("database statement failed: " + e.getMessage(), e);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; how many rows it changed. */
    static int update(DataSource dataSource, String sql, Object... parameters) {
        return with(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(c, s, parameters);
                return s.executeUpdate();
            }
        });
    }

    static <T> List<T> list(DataSource dataSource, String sql, Row<T> row, Object... parameters) {
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

    static <T> Optional<T> first(DataSource dataSource, String sql, Row<T> row, Object... parameters) {
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

    static void bind(Connection c, PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameter(c, parameters[i]));
        }
    }

    private static Object parameter(Connection c, Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant.atOffset(ZoneOffset.UTC);
            case Enum<?> constant -> constant.name();
            case Collection<?> ids -> c.createArrayOf("uuid", ids.toArray(new UUID[0]));
            case String[] names -> c.createArrayOf("text", names);
            default -> value;
        };
    }

    static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static Integer integer(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, Integer.class);
    }
}
