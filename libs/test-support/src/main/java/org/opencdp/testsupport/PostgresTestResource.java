package org.opencdp.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.opencdp.localstack.PostgresCluster;

import io.quarkus.test.common.QuarkusTestResourceConfigurableLifecycleManager;

/**
 * Gives the {@code @QuarkusTest}s annotated {@link WithPostgres} a real PostgreSQL of their own: a throwaway cluster
 * (started as the postgres user when the tests run as root) with one database, removed when their application
 * stops, whether the tests pass or fail. A JVM killed before it could clean up leaves a cluster that the next test
 * run removes.
 */
public class PostgresTestResource implements QuarkusTestResourceConfigurableLifecycleManager<WithPostgres> {

    static final String DATABASE = "opencdp_test";
    /** The key database of libs/personal-data, apart from the data database as in every deployment. */
    static final String KEYS_DATABASE = DATABASE + "_keys";
    /** Owns both databases' tables and runs the migrations (not a superuser, as in Kubernetes). */
    static final String OWNER = DATABASE + "_owner";
    /** The roles the application connects as: {@code <database>_app}, with the rights the migrations grant. */
    static final String APP = DATABASE + "_app";

    static final String KEYS_APP = KEYS_DATABASE + "_app";
    // Per instance: Quarkus may start the resources of the next application before it stops those of the last one,
    // so a cluster shared through a static field could be removed under the running application.
    private PostgresCluster cluster;
    private String startingFrom = "";

    @Override
    public void init(WithPostgres annotation) {
        startingFrom = annotation.startingFrom();
    }

    @Override
    public synchronized Map<String, String> start() {
        cluster = PostgresCluster.throwaway().start();
        // (issue 9, S2) The application connects as an app role that owns nothing; the migrations run as the owner.
        // The owner may create databases only so that a test can restore a backup into a scratch database.
        cluster.ensureRole(OWNER, cluster.password(), "CREATEDB");
        for (String role : List.of(APP, KEYS_APP)) {
            cluster.ensureRole(role, cluster.password());
        }
        for (String database : List.of(DATABASE, KEYS_DATABASE)) {
            cluster.ensureDatabase(database);
            cluster.transferDatabase(database, OWNER);
        }
        // Safety net for a JVM that ends without Quarkus calling stop().
        PostgresCluster started = cluster;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> destroyQuietly(started), "test-postgres-cleanup"));
        if (!startingFrom.isEmpty()) {
            restore(startingFrom);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", cluster.jdbcUrl(DATABASE),
                "quarkus.datasource.username", APP,
                "quarkus.datasource.password", cluster.password(),
                "quarkus.flyway.username", OWNER,
                "quarkus.flyway.password", cluster.password(),
                "quarkus.datasource.keys.jdbc.url", cluster.jdbcUrl(KEYS_DATABASE),
                "quarkus.datasource.keys.username", KEYS_APP,
                "quarkus.datasource.keys.password", cluster.password(),
                "quarkus.flyway.keys.username", OWNER,
                "quarkus.flyway.keys.password", cluster.password());
    }

    @Override
    public synchronized void stop() {
        if (cluster != null) {
            destroyQuietly(cluster);
            cluster = null;
        }
    }

    /** Runs a plain pg_dump script; psql's own commands (lines starting with a backslash) are not SQL and skipped. */
    private void restore(String dump) {
        try (InputStream in = PostgresTestResource.class.getClassLoader().getResourceAsStream(dump)) {
            if (in == null) {
                throw new IllegalStateException("no dump " + dump + " on the test classpath");
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("\\"))
                    .collect(Collectors.joining("\n"));
            // As the owner, like the migrations that made the dumped tables.
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(DATABASE), OWNER, cluster.password());
                    Statement statement = c.createStatement()) {
                statement.execute(sql);
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not restore " + dump, e);
        }
    }

    private static void destroyQuietly(PostgresCluster target) {
        try {
            if (target.directory().toFile().exists()) {
                target.destroy();
            }
        } catch (RuntimeException e) {
            System.err.println(
                    "[test-support] could not remove test cluster " + target.directory() + ": " + e.getMessage());
        }
    }
}
