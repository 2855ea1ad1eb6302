package org.opencdp.testsupport;

import java.util.Map;

import org.opencdp.localstack.PostgresCluster;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a module's {@code @QuarkusTest}s a real PostgreSQL of their own: a throwaway cluster (started as the
 * postgres user when the tests run as root) with one database, removed when the tests end, whether they pass or
 * fail. A JVM killed before it could clean up leaves a cluster that the next test run removes.
 *
 * <p>Register it once per module: {@code @QuarkusTestResource(PostgresTestResource.class)} on any test class.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "opencdp_test";
    private static PostgresCluster cluster;

    /** The running test cluster, for tests that look straight into the database. */
    public static synchronized PostgresCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("no test cluster runs: register PostgresTestResource with @QuarkusTestResource");
        }
        return cluster;
    }

    @Override
    public synchronized Map<String, String> start() {
        cluster = PostgresCluster.throwaway().start();
        cluster.ensureDatabase(DATABASE);
        // Safety net for a JVM that ends without Quarkus calling stop().
        PostgresCluster started = cluster;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> destroyQuietly(started), "test-postgres-cleanup"));
        return Map.of(
                "quarkus.datasource.jdbc.url", cluster.jdbcUrl(DATABASE),
                "quarkus.datasource.username", PostgresCluster.SUPERUSER,
                "quarkus.datasource.password", cluster.password());
    }

    @Override
    public synchronized void stop() {
        if (cluster != null) {
            destroyQuietly(cluster);
            cluster = null;
        }
    }

    private static void destroyQuietly(PostgresCluster target) {
        try {
            if (target.directory().toFile().exists()) {
                target.destroy();
            }
        } catch (RuntimeException e) {
            System.err.println("[test-support] could not remove test cluster " + target.directory() + ": " + e.getMessage());
        }
    }
}
