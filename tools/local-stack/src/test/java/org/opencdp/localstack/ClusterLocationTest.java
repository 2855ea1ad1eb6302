package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterLocationTest {

    @TempDir
    Path dir;

    @Test
    void whenTheServerRunsAsTheCallerTheFilesStayWhereAsked() {
        Path asked = dir.resolve(".run/postgres");

        assertThat(ClusterLocation.inPlace().durable(asked)).isEqualTo(asked);
        assertThat(ClusterLocation.inPlace().throwawayRoot())
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "opencdp-test-pg"));
    }

    @Test
    void asRootEachAskedForPathGetsADirectoryOfItsOwnBelowTheServerUsersRoot() {
        ClusterLocation location = ClusterLocation.below(dir.resolve("root"));
        Path asked = Path.of("/root/opencdp/.run/postgres");

        Path cluster = location.durable(asked);

        assertThat(cluster.getParent()).isEqualTo(dir.resolve("root/clusters"));
        assertThat(cluster.getFileName().toString()).matches("[0-9a-f]{16}");
        assertThat(location.durable(Path.of("/root/opencdp/./.run/postgres")))
                .as("the same path, written otherwise")
                .isEqualTo(cluster);
        assertThat(location.durable(Path.of("/root/opencdp/e2e/target/stack/postgres")))
                .isNotEqualTo(cluster);
        assertThat(location.throwawayRoot()).isEqualTo(dir.resolve("root/test-clusters"));
    }

    @Test
    void aClusterThatAlreadyLivesWhereAskedStaysThere() throws Exception {
        Path asked = dir.resolve(".run/postgres");
        Files.createDirectories(asked.resolve("data"));
        Files.writeString(asked.resolve("data/PG_VERSION"), "15\n");

        assertThat(ClusterLocation.below(dir.resolve("root")).durable(asked)).isEqualTo(asked);
    }

    @Test
    void theAskedForPathBecomesALinkToTheClusterAndStaysOne() throws Exception {
        Path asked = dir.resolve(".run/postgres");
        Path cluster = Files.createDirectories(dir.resolve("root/clusters/0123456789abcdef"));

        ClusterLocation.link(asked, cluster);
        ClusterLocation.link(asked, cluster);

        assertThat(Files.readSymbolicLink(asked)).isEqualTo(cluster);
    }

    @Test
    void anEmptyDirectoryLeftByAFailedStartGivesWayToTheLink() throws Exception {
        Path asked = Files.createDirectories(dir.resolve(".run/postgres"));
        Path cluster = Files.createDirectories(dir.resolve("root/clusters/0123456789abcdef"));

        ClusterLocation.link(asked, cluster);

        assertThat(Files.isSymbolicLink(asked)).isTrue();
    }

    @Test
    void aDirectoryWithFilesIsNeverReplaced() throws Exception {
        Path asked = Files.createDirectories(dir.resolve(".run/postgres"));
        Files.writeString(asked.resolve("notes.txt"), "mine");
        Path cluster = Files.createDirectories(dir.resolve("root/clusters/0123456789abcdef"));

        assertThatThrownBy(() -> ClusterLocation.link(asked, cluster))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("holds files but no database cluster");
        assertThat(asked.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aLinkToAnotherClusterMeansTheCheckoutMovedAndIsReportedWithTheFix() throws Exception {
        Path asked = dir.resolve(".run/postgres");
        Path old = Files.createDirectories(dir.resolve("root/clusters/aaaaaaaaaaaaaaaa"));
        Files.createDirectories(asked.getParent());
        Files.createSymbolicLink(asked, old);
        Path cluster = dir.resolve("root/clusters/bbbbbbbbbbbbbbbb");

        assertThatThrownBy(() -> ClusterLocation.link(asked, cluster))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("moved or copied")
                .hasMessageContaining("mv " + old + " " + cluster)
                .hasMessageContaining("make reset");
        assertThat(Files.readSymbolicLink(asked)).isEqualTo(old);
        assertThat(Files.exists(cluster, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}
