package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLayoutTest {

    @TempDir
    Path repo;

    @Test
    void theLocalRunKeepsItsStateInDotRunOfTheRepository() throws Exception {
        Files.createFile(repo.resolve("mvnw"));
        Files.createFile(repo.resolve("pom.xml"));

        StackLayout layout = StackLayout.forRepo(repo);

        assertThat(layout.stateDir()).isEqualTo(repo.resolve(".run"));
        assertThat(layout.postgresDir()).isEqualTo(repo.resolve(".run/postgres"));
        assertThat(layout.secretsFile()).isEqualTo(repo.resolve(".run/secrets.env"));
        assertThat(layout.log("profile-service")).isEqualTo(repo.resolve(".run/logs/profile-service.log"));
        assertThat(layout.serviceJar(Service.CONSENT))
                .isEqualTo(repo.resolve("consent-service/target/quarkus-app/quarkus-run.jar"));
        assertThat(layout.realmUrl()).isEqualTo("http://localhost:8180/realms/cdp");
    }

    @Test
    void aSecondSuiteTakesItsOwnStateDirectoryAndPorts() throws Exception {
        Files.createFile(repo.resolve("mvnw"));
        Files.createFile(repo.resolve("pom.xml"));
        Path elsewhere = repo.resolve("e2e/target/stack");

        StackLayout layout = StackLayout.forRepo(repo).withStateDir(elsewhere).withPorts(StackPorts.endToEnd());

        assertThat(layout.pidsDir()).isEqualTo(elsewhere.resolve("pids"));
        assertThat(layout.serviceUrl(Service.TRACKING)).isEqualTo("http://localhost:18083");
        assertThat(layout.keycloakArchive().startsWith(repo))
                .as("the build output stays the repository's")
                .isTrue();
    }

    @Test
    void aDirectoryWithoutMvnwIsNotTakenForTheRepository() {
        assertThatThrownBy(() -> StackLayout.forRepo(repo))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("not the OpenCDP repository root")
                .hasMessageContaining("make run");
    }
}
