package org.opencdp.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    @Test
    void keycloakSetsEveryPlaceholderOfTheRealmAndTakesEachClientSecretFromTheSecretItsServiceReads() throws IOException {
        // Keycloak keeps a placeholder it has no variable for as the literal value: that text would become a secret.
        Set<String> placeholders = new TreeSet<>();
        String realm = Files.readString(K8S.resolve("keycloak/cdp-realm.json"));
        Matcher placeholder = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(realm);
        while (placeholder.find()) {
            placeholders.add(placeholder.group(1));
        }
        JsonNode keycloak = Manifests.ofKind(all(), "Deployment").stream()
                .filter(d -> d.path("metadata").path("name").asText().equals("keycloak")).findFirst().orElseThrow();
        JsonNode env = keycloak.path("spec").path("template").path("spec").path("containers").get(0).path("env");
        JsonNode values = Manifests.parse(Files.readString(Manifests.repoRoot().resolve("helm/opencdp/values.yaml"))).get(0);
        String settings = Manifests.parse(Files.readString(K8S.resolve("kustomization.yaml"))).get(0)
                .path("configMapGenerator").toString();

        assertThat(placeholders).contains("CDP_FRONTEND_URL", "PROFILE_SERVICE_CLIENT_SECRET");
        for (String name : placeholders) {
            JsonNode variable = null;
            for (JsonNode candidate : env) {
                if (candidate.path("name").asText().equals(name)) {
                    variable = candidate;
                }
            }
            assertThat(variable).as("Keycloak's variable %s", name).isNotNull();
            assertThat(variable.has("value")).as("%s is not written into the manifest", name).isFalse();
            JsonNode from = variable.path("valueFrom").path(name.endsWith("_CLIENT_SECRET") ? "secretKeyRef" : "configMapKeyRef");
            assertThat(from.path("optional").asBoolean()).as("%s is required", name).isFalse();
            if (name.endsWith("_CLIENT_SECRET")) {
                String service = name.replace("_CLIENT_SECRET", "").toLowerCase().replace('_', '-');
                assertThat(from.path("name").asText()).as("Secret of %s", name)
                        .isEqualTo(values.path(service).path("secretName").asText());
                assertThat(from.path("key").asText()).isEqualTo("oidc-client-secret");
            } else {
                assertThat(from.path("name").asText()).isEqualTo("keycloak-settings");
                assertThat(settings).as("keycloak-settings").contains("\"" + from.path("key").asText() + "=");
            }
        }
    }
}
