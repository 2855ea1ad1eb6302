package org.opencdp.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;

/** The k8s/ manifests: they parse, every file kustomize names exists, and they fit what the chart expects. */
class ClusterManifestsTest {

    private static final Path K8S = Manifests.repoRoot().resolve("k8s");

    private static List<JsonNode> all() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        for (String file : List.of("namespace.yaml", "postgres/clusters.yaml", "keycloak/keycloak.yaml")) {
            documents.addAll(Manifests.parse(Files.readString(K8S.resolve(file))));
        }
        return documents;
    }

    @Test
    void everyFileTheKustomizationNamesExists() throws IOException {
        JsonNode kustomization = Manifests.parse(Files.readString(K8S.resolve("kustomization.yaml"))).get(0);
        kustomization.path("resources").forEach(r -> assertThat(K8S.resolve(r.asText())).exists());
        kustomization.path("configMapGenerator").forEach(g -> g.path("files")
                .forEach(f -> assertThat(K8S.resolve(f.asText())).exists()));
    }

    @Test
    void eachServiceHasItsOwnDatabaseClusterWhereTheChartLooksForIt() throws IOException {
        List<JsonNode> clusters = Manifests.ofKind(all(), "Cluster");
        List<JsonNode> deployments = Manifests.ofKind(Manifests.parse(new Helm(Manifests.repoRoot().resolve("helm/opencdp"))
                .template().withKubeVersion("1.31.0").call()), "Deployment");
        for (JsonNode deployment : deployments) {
            String env = deployment.path("spec").path("template").path("spec").path("containers").get(0).path("env").toString();
            String service = deployment.path("metadata").path("name").asText().replace("-service", "");
            JsonNode cluster = clusters.stream().filter(c -> c.path("metadata").path("name").asText().equals(service + "-db"))
                    .findFirst().orElseThrow(() -> new AssertionError("no database cluster for " + service));
            assertThat(env).contains("jdbc:postgresql://" + service + "-db-rw:5432/"
                    + cluster.path("spec").path("bootstrap").path("initdb").path("database").asText());
            assertThat(env).contains(service + "-db-app");
        }
    }

    @Test
    void everythingLivesInTheOpencdpNamespaceThatEnforcesTheRestrictedProfile() throws IOException {
        List<JsonNode> documents = all();
        JsonNode namespace = Manifests.ofKind(documents, "Namespace").get(0);
        assertThat(namespace.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText())
                .isEqualTo("restricted");
        documents.stream().filter(d -> !"Namespace".equals(d.path("kind").asText()))
                .forEach(d -> assertThat(d.path("metadata").path("namespace").asText()).isEqualTo("opencdp"));
    }
}
