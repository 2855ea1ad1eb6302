package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local run's promise: `make stop` and `make run` again keep the data. */
class DurablePostgresClusterTest {

    // Below target/, not the system temp dir: the postgres user must be able to reach it, and a @TempDir is private.
    private final Path dir = Path.of("target/durable-cluster-" + UUID.randomUUID().toString().substring(0, 8));
    private PostgresCluster cluster;

    @AfterEach
    void removeCluster() {
        if (cluster != null) {
            cluster.destroy();
        }
    }

    @Test
    void aDurableClusterKeepsItsDataAcrossStopAndStart() throws Exception {
        cluster = PostgresCluster.durable(dir, Ports.anyFree(), "durable-test").start();
        cluster.ensureDatabase("profile");
        try (Connection c = cluster.connect("profile"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE survivor (name text)");
            s.execute("INSERT INTO survivor VALUES ('kept')");
        }

        cluster.stop();
        assertThat(cluster.serverPid()).isEmpty();
        PostgresCluster restarted = PostgresCluster.durable(dir, cluster.port(), "durable-test").start();

        assertThat(restarted.serverPid()).isPresent();
        try (Connection c = restarted.connect("profile"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
    }
}
