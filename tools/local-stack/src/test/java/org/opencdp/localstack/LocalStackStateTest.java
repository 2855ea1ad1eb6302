package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's data is deleted only when nothing of it runs, and never traded for new keys. */
class LocalStackStateTest {

    @TempDir
    Path repo;

    private StackLayout layout;
    private LocalStack stack;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void fakeRepository() throws Exception {
        Files.createFile(repo.resolve("mvnw"));
        Files.createFile(repo.resolve("pom.xml"));
        // Away from the local run's and the end-to-end suite's ports, so these tests pass while either is up.
        layout = StackLayout.forRepo(repo).withPorts(StackPorts.defaults().shiftedBy(30000));
        stack = new LocalStack(layout, progress::add);
        LocalSecrets.loadOrCreate(layout.secretsFile());
        Files.createDirectories(layout.keycloakHome());
        Files.createDirectories(layout.logsDir());
        Files.writeString(layout.log("keycloak"), "a log line\n");
    }

    @AfterEach
    void stopLeftovers() {
        stack.stop();
        stack.postgres().destroy();
    }

    @Test
    void resetStopsWhatRunsThenDeletesEverythingTheSuiteKeeps() {
        ProcessHandle service = startStandIn(Service.PROFILE);

        stack.reset();

        assertThat(service.isAlive()).isFalse();
        assertThat(layout.stateDir()).doesNotExist();
        assertThat(progress).contains("stopped profile-service");
    }

    @Test
    void discardingTheStateRefusesWhileAPartOfTheSuiteRunsAndDeletesNothing() {
        ProcessHandle service = startStandIn(Service.CONSENT);

        assertThatThrownBy(() -> stack.discardState())
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("still runs, so nothing was deleted")
                .hasMessageContaining("consent-service")
                .hasMessageContaining("pid " + service.pid());
        assertThat(service.isAlive()).isTrue();
        assertThat(layout.secretsFile()).exists();
        assertThat(layout.log("keycloak")).exists();
    }

    @Test
    void discardingTheStateOfAStoppedSuiteKeepsOnlyTheUnpackedKeycloak() {
        stack.discardState();

        assertThat(layout.secretsFile()).doesNotExist();
        assertThat(layout.logsDir()).doesNotExist();
        assertThat(layout.keycloakHome()).isDirectory();
    }

    @Test
    void aThrowawaySuiteEndsWithoutItsDatabaseButWithItsLog() {
        PostgresCluster postgres = stack.postgres().start();
        Path files = postgres.directory();

        stack.stopAndDropDatabase();

        assertThat(postgres.serverPid()).isEmpty();
        assertThat(files).doesNotExist();
        assertThat(Files.exists(layout.postgresDir(), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(layout.log("postgres")).content().contains("database system is ready to accept connections");
    }

    @Test
    void aDatabaseWhoseKeysAreGoneIsNeverStartedWithNewKeys() throws Exception {
        Path data = Files.createDirectories(stack.postgres().directory().resolve("data"));
        Files.writeString(data.resolve("PG_VERSION"), "15\n");
        Files.delete(layout.secretsFile());

        assertThatThrownBy(() -> stack.start())
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("its keys (" + layout.secretsFile() + ") are gone")
                .hasMessageContaining("make reset");
        assertThat(layout.secretsFile()).doesNotExist();
    }

    /** A process recorded as the service's, as `make run` records it; it answers no HTTP, which status reports. */
    private ProcessHandle startStandIn(Service service) {
        return DetachedProcess.start(
                List.of("sleep", "300"),
                Map.of(),
                repo,
                layout.log(service.serviceName()),
                layout.pidFile(service.serviceName()));
    }
}
