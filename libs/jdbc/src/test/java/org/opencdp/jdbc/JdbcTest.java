package org.opencdp.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.localstack.PostgresCluster;
import org.postgresql.ds.PGSimpleDataSource;

/** The binding, the readers and the failure rule, against a real PostgreSQL (a throwaway cluster). */
class JdbcTest {

    private static final String DATABASE = "ledger";

    private static PostgresCluster cluster;
    private static DataSource dataSource;

    enum Status {
        OPEN,
        CLOSED
    }

    @BeforeAll
    static void startPostgres() {
        cluster = PostgresCluster.throwaway().start();
        cluster.ensureDatabase(DATABASE);
        PGSimpleDataSource simple = new PGSimpleDataSource();
        simple.setUrl(cluster.jdbcUrl(DATABASE));
        simple.setUser(PostgresCluster.SUPERUSER);
        simple.setPassword(cluster.password());
        dataSource = simple;
    }

    @AfterAll
    static void removePostgres() {
        if (cluster != null) {
            cluster.destroy();
        }
    }

    @BeforeEach
    void freshTable() {
        Jdbc.update(dataSource, "DROP TABLE IF EXISTS entry");
        Jdbc.update(dataSource, """
                CREATE TABLE entry (
                    id uuid PRIMARY KEY,
                    email text UNIQUE,
                    status text,
                    at timestamptz,
                    day date,
                    amount integer)""");
    }

    @Test
    void anInstantIsStoredAsATimestamptzAndReadBack() {
        Instant at = Instant.parse("2026-11-28T03:04:05.123456Z");
        UUID id = insert("a@example.org", Status.OPEN, at);

        assertThat(Jdbc.first(
                        dataSource,
                        "SELECT at, at AT TIME ZONE 'UTC' FROM entry WHERE id = ?",
                        rs -> List.of(Jdbc.instant(rs, 1), Jdbc.instant(rs, "at"), rs.getString(2)),
                        id))
                .contains(List.of(at, at, "2026-11-28 03:04:05.123456"));
        assertThat(Jdbc.first(dataSource, "SELECT id FROM entry WHERE at = ?", rs -> Jdbc.uuid(rs, 1), at))
                .contains(id);
    }

    @Test
    void anEnumIsStoredByItsName() {
        UUID id = insert("a@example.org", Status.CLOSED, null);

        assertThat(Jdbc.first(dataSource, "SELECT status FROM entry WHERE id = ?", rs -> rs.getString(1), id))
                .contains("CLOSED");
        assertThat(Jdbc.list(
                        dataSource, "SELECT id FROM entry WHERE status = ?", rs -> Jdbc.uuid(rs, "id"), Status.CLOSED))
                .containsExactly(id);
    }

    @Test
    void aCollectionOfUuidsIsAUuidArray() {
        UUID first = insert("a@example.org", Status.OPEN, null);
        UUID second = insert("b@example.org", Status.OPEN, null);
        insert("c@example.org", Status.OPEN, null);

        assertThat(Jdbc.list(
                        dataSource,
                        "SELECT id FROM entry WHERE id = ANY(?) ORDER BY email",
                        rs -> Jdbc.uuid(rs, 1),
                        Set.of(first, second)))
                .containsExactly(first, second);
    }

    @Test
    void aStringArrayIsATextArray() {
        insert("a@example.org", Status.OPEN, null);
        insert("b@example.org", Status.OPEN, null);

        assertThat(Jdbc.list(
                        dataSource,
                        "SELECT email FROM entry WHERE email = ANY(?) ORDER BY email",
                        rs -> rs.getString(1),
                        (Object) new String[] {"b@example.org", "x@example.org"}))
                .containsExactly("b@example.org");
    }

    @Test
    void numberArraysAreTypedArrays() {
        Integer[] counts = {7, 42};
        BigDecimal[] amounts = {new BigDecimal("0.10"), new BigDecimal("12.3456")};
        Double[] shares = {0.25, 0.5};

        assertThat(Jdbc.first(
                        dataSource,
                        "SELECT pg_typeof(?)::text, pg_typeof(?)::text, pg_typeof(?)::text",
                        rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)),
                        counts,
                        amounts,
                        shares))
                .contains(List.of("integer[]", "numeric[]", "double precision[]"));
        assertThat(Jdbc.list(
                        dataSource,
                        "SELECT c, a, s FROM unnest(?::int[], ?::numeric[], ?::float8[]) AS u(c, a, s) WHERE c > 10",
                        rs -> List.of(rs.getInt(1), rs.getBigDecimal(2), rs.getDouble(3)),
                        counts,
                        amounts,
                        shares))
                .containsExactly(List.of(42, new BigDecimal("12.3456"), 0.5));
    }

    @Test
    void nullAndOtherValuesAreBoundAsTheDriverBindsThem() {
        UUID id = UUID.randomUUID();
        int inserted = Jdbc.update(
                dataSource,
                "INSERT INTO entry (id, email, status, at, day, amount) VALUES (?, ?, ?, ?, ?, ?)",
                id,
                null,
                null,
                null,
                LocalDate.of(2026, 11, 28),
                42);

        assertThat(inserted).isEqualTo(1);
        assertThat(Jdbc.first(
                        dataSource,
                        "SELECT day, amount, at, email FROM entry WHERE id = ?",
                        rs -> List.of(
                                Jdbc.date(rs, 1),
                                Jdbc.date(rs, "day"),
                                Jdbc.integer(rs, 2),
                                Jdbc.integer(rs, "amount"),
                                Optional.ofNullable(Jdbc.instant(rs, 3)),
                                Optional.ofNullable(rs.getString(4))),
                        id))
                .contains(List.of(
                        LocalDate.of(2026, 11, 28),
                        LocalDate.of(2026, 11, 28),
                        42,
                        42,
                        Optional.empty(),
                        Optional.empty()));
    }

    @Test
    void theReadersGiveNullForNull() {
        UUID id = insert(null, null, null);

        assertThat(Jdbc.first(
                        dataSource,
                        "SELECT at, day, amount, NULL::uuid AS none FROM entry WHERE id = ?",
                        rs -> new Object[] {
                            Jdbc.instant(rs, "at"), Jdbc.date(rs, 2), Jdbc.integer(rs, 3), Jdbc.uuid(rs, "none")
                        },
                        id))
                .hasValueSatisfying(values -> assertThat(values).containsOnlyNulls());
    }

    @Test
    void firstIsEmptyWithoutARowAndListsKeepTheQuerysOrder() {
        insert("b@example.org", Status.OPEN, null);
        insert("a@example.org", Status.OPEN, null);

        assertThat(Jdbc.first(dataSource, "SELECT email FROM entry WHERE email = ?", rs -> rs.getString(1), "z"))
                .isEmpty();
        assertThat(Jdbc.list(dataSource, "SELECT email FROM entry ORDER BY email DESC", rs -> rs.getString(1)))
                .containsExactly("b@example.org", "a@example.org");
    }

    @Test
    void updateCountsTheChangedRows() {
        insert("a@example.org", Status.OPEN, null);
        insert("b@example.org", Status.OPEN, null);
        insert("c@example.org", Status.CLOSED, null);

        assertThat(Jdbc.update(dataSource, "UPDATE entry SET status = ? WHERE status = ?", Status.CLOSED, Status.OPEN))
                .isEqualTo(2);
    }

    @Test
    void withHandsTheConnectionBackWhenTheWorkEndsOrFails() {
        Connection[] used = new Connection[2];
        Jdbc.with(dataSource, c -> used[0] = c);
        assertThatThrownBy(() -> Jdbc.with(dataSource, c -> {
            used[1] = c;
            throw new SQLException("broken", "XX000");
        }));

        assertThat(used).allSatisfy(c -> assertThat(c.isClosed()).isTrue());
    }

    @Test
    void aUniqueViolationNamesTheDatabaseAndSqlStateButNotTheValue() {
        insert("jane.doe@example.org", Status.OPEN, null);

        assertThatThrownBy(() -> insert("jane.doe@example.org", Status.OPEN, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database " + DATABASE + ": SQLState 23505")
                .hasCauseInstanceOf(SQLException.class)
                // Nothing in the chain may quote the value: some loggers print every cause's message.
                .satisfies(e -> assertThat(chainText(e)).doesNotContain("jane.doe"))
                .satisfies(e ->
                        assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("23505"))
                .satisfies(e -> assertThat(e.getCause().getStackTrace()).isNotEmpty());
    }

    @Test
    void aFailedStatementInsideWorkFollowsTheSameRule() {
        assertThatThrownBy(() -> Jdbc.with(dataSource, c -> {
                    try (var s = c.prepareStatement("SELECT 1 / 0")) {
                        return s.executeQuery();
                    }
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database " + DATABASE + ": SQLState 22012")
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void aDatabaseOutOfReachIsNamedByItsSqlStateOnly() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl(cluster.jdbcUrl("no_such_database"));
        nowhere.setUser(PostgresCluster.SUPERUSER);
        nowhere.setPassword(cluster.password());

        assertThatThrownBy(() -> Jdbc.update(nowhere, "SELECT 1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no connection to the database: SQLState 3D000")
                .hasCauseInstanceOf(SQLException.class);
    }

    private static String chainText(Throwable e) {
        java.io.StringWriter printed = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(printed));
        return printed.toString();
    }

    private static UUID insert(String email, Status status, Instant at) {
        UUID id = UUID.randomUUID();
        Jdbc.update(dataSource, "INSERT INTO entry (id, email, status, at) VALUES (?, ?, ?, ?)", id, email, status, at);
        return id;
    }
}
