package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run's promise: `make stop` and `make run` again keep the data. The cluster is asked for inside a
 * {@code @TempDir}, which only its creator may enter (mode 700), like a checkout in root's home or in a
 * {@code mktemp -d} directory: run as root, this proves the postgres user still reaches the cluster's files.
 */
class DurablePostgresClusterTest {

    @TempDir
    Path privateDir;

    private PostgresCluster cluster;

    @AfterEach
    void removeCluster() {
        if (cluster != null) {
            cluster.destroy();
        }
    }

    @Test
    void aDurableClusterKeepsItsDataAcrossStopAndStart() throws Exception {
        Path asked = privateDir.resolve(".run/postgres");
        cluster =
                PostgresCluster.durable(asked, Ports.anyFree(), "durable-test").start();
        cluster.ensureDatabase("profile");
        try (Connection c = cluster.connect("profile");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE survivor (name text)");
            s.execute("INSERT INTO survivor VALUES ('kept')");
        }

        cluster.stop();
        assertThat(cluster.serverPid()).isEmpty();
        PostgresCluster restarted =
                PostgresCluster.durable(asked, cluster.port(), "durable-test").start();

        assertThat(restarted.serverPid()).isPresent();
        assertThat(restarted.directory()).isEqualTo(cluster.directory());
        try (Connection c = restarted.connect("profile");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
        assertThat(asked.resolve("server.log"))
                .as("the server log, also through the asked-for path")
                .isRegularFile();
        assertThat(cluster.directory().resolve("superuser.pw"))
                .as("initdb's password file is gone")
                .doesNotExist();
    }

    @Test
    void aDurableClusterAcknowledgesOnlyWhatIsOnDiskAndIsSizedForIngestion() throws Exception {
        cluster = PostgresCluster.durable(privateDir.resolve("pg"), Ports.anyFree(), "durable-test")
                .start();
        try (Connection c = cluster.connect("postgres");
                Statement s = c.createStatement()) {
            // Accepted events are acknowledged as stored: none of these may be traded for speed.
            assertThat(setting(s, "fsync")).isEqualTo("on");
            assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(s, "full_page_writes")).isEqualTo("on");
            // Checkpoints by time, not every few seconds by WAL volume (bench/README.md, tracking).
            assertThat(setting(s, "max_wal_size")).isEqualTo("4GB");
            assertThat(setting(s, "checkpoint_timeout")).isEqualTo("15min");
            assertThat(setting(s, "wal_compression")).isEqualTo("lz4");
            assertThat(setting(s, "shared_buffers")).isEqualTo("512MB");
        }
    }

    @Test
    void aTestClusterIsNotDurable() throws Exception {
        PostgresCluster throwaway = PostgresCluster.throwaway().start();
        try (Connection c = throwaway.connect("postgres");
                Statement s = c.createStatement()) {
            assertThat(setting(s, "fsync")).isEqualTo("off");
            assertThat(setting(s, "synchronous_commit")).isEqualTo("off");
        } finally {
            throwaway.destroy();
        }
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aClusterWhoseServerWasKilledIsStillRemoved() {
        cluster = PostgresCluster.durable(privateDir.resolve("postgres"), Ports.anyFree(), "durable-test")
                .start();
        ProcessHandle server =
                ProcessHandle.of(cluster.serverPid().orElseThrow()).orElseThrow();
        server.destroyForcibly();
        server.onExit().join();
        assertThat(cluster.isRunning()).as("its postmaster.pid stays behind").isTrue();
        Path files = cluster.directory();

        cluster.destroy();
        cluster = null;

        assertThat(files).doesNotExist();
    }

    @Test
    void destroyingRemovesTheClusterAndTheLinkToIt() {
        Path asked = privateDir.resolve("stack/postgres");
        cluster =
                PostgresCluster.durable(asked, Ports.anyFree(), "durable-test").start();
        Path files = cluster.directory();

        cluster.destroy();
        cluster = null;

        assertThat(files).doesNotExist();
        assertThat(Files.exists(asked, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}
