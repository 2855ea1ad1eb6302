package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start that cannot succeed says why in one sentence, before it starts anything. */
class LocalStackPreflightTest {

    @TempDir
    Path repo;

    private StackLayout layout;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void fakeRepository() throws Exception {
        Files.createFile(repo.resolve("mvnw"));
        Files.createFile(repo.resolve("pom.xml"));
        // Away from the local run's ports, so these tests pass while `make run` is up.
        layout = StackLayout.forRepo(repo).withPorts(StackPorts.defaults().shiftedBy(20000));
        Files.createDirectories(layout.realmFile().getParent());
        Files.writeString(layout.realmFile(), "{}");
        Files.createDirectories(layout.localRealmOverlay().getParent());
        Files.writeString(layout.localRealmOverlay(), "{}");
        Files.createDirectories(layout.keycloakArchive().getParent());
        Files.createFile(layout.keycloakArchive());
        Files.createDirectories(layout.mailboxJar().getParent());
        Files.createFile(layout.mailboxJar());
        for (Service service : Service.values()) {
            Files.createDirectories(layout.serviceJar(service).getParent());
            Files.createFile(layout.serviceJar(service));
        }
    }

    @Test
    void aMissingServiceJarIsReportedWithTheCommandThatBuildsIt() throws Exception {
        Files.delete(layout.serviceJar(Service.TRACKING));

        assertThatThrownBy(() -> new LocalStack(layout, progress::add).start())
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("tracking-service is not built")
                .hasMessageContaining("make run");
        assertThat(layout.postgresDir()).doesNotExist();
    }

    @Test
    void aMissingKeycloakDistributionIsReportedWithTheCommandThatFetchesIt() throws Exception {
        Files.delete(layout.keycloakArchive());

        assertThatThrownBy(() -> new LocalStack(layout, progress::add).start())
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("Keycloak distribution")
                .hasMessageContaining("make run");
        assertThat(layout.postgresDir()).doesNotExist();
    }

    @Test
    void aMissingMailboxIsReportedWithTheCommandThatFetchesIt() throws Exception {
        Files.delete(layout.mailboxJar());

        assertThatThrownBy(() -> new LocalStack(layout, progress::add).start())
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("local mailbox")
                .hasMessageContaining("make run");
        assertThat(layout.postgresDir()).doesNotExist();
    }

    @Test
    void theMailboxPortInUseIsNamed() throws Exception {
        int smtpPort = layout.ports().smtp();
        try (ServerSocket taken = new ServerSocket(smtpPort, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> new LocalStack(layout, progress::add).start())
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("port " + smtpPort + " (for the local mailbox's SMTP) is already in use");
        }
    }

    @Test
    void aPortInUseIsNamedWithWhatNeedsIt() throws Exception {
        int postgresPort = layout.ports().postgres();
        try (ServerSocket taken = new ServerSocket(postgresPort, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> new LocalStack(layout, progress::add).start())
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("port " + postgresPort + " (for PostgreSQL) is already in use");
        }
        assertThat(layout.postgresDir()).doesNotExist();
    }

    @Test
    void stoppingASuiteThatNeverRanSaysNothingWasRunning() {
        assertThat(new LocalStack(layout, progress::add).stop()).isFalse();
        assertThat(progress).isEmpty();
    }

    @Test
    void theStatusOfASuiteThatNeverRanIsAllStopped() {
        List<ComponentStatus> status = new LocalStack(layout, progress::add).status();

        assertThat(status)
                .extracting(ComponentStatus::name)
                .containsExactly(
                        "postgres",
                        "keycloak",
                        "mailbox",
                        "profile-service",
                        "behaviour-service",
                        "tracking-service",
                        "consent-service",
                        "retention-service");
        assertThat(status).allMatch(ComponentStatus::isStopped);
    }
}
