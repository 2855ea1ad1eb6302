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
        for (String file : List.of(
                "namespace.yaml",
                "tls/issuers.yaml",
                "postgres/clusters.yaml",
                "keycloak/keycloak.yaml",
                "network-policies.yaml")) {
            documents.addAll(Manifests.parse(Files.readString(K8S.resolve(file))));
        }
        return documents;
    }

    @Test
    void everyFileTheKustomizationNamesExists() throws IOException {
        JsonNode kustomization = Manifests.parse(Files.readString(K8S.resolve("kustomization.yaml")))
                .get(0);
        kustomization
                .path("resources")
                .forEach(r -> assertThat(K8S.resolve(r.asText())).exists());
        kustomization
                .path("configMapGenerator")
                .forEach(g -> g.path("files")
                        .forEach(f -> assertThat(K8S.resolve(f.asText())).exists()));
    }

    @Test
    void eachServiceHasItsOwnDatabaseClusterWhereTheChartLooksForIt() throws IOException {
        List<JsonNode> clusters = Manifests.ofKind(all(), "Cluster");
        List<JsonNode> deployments = Manifests.ofKind(
                Manifests.parse(new Helm(Manifests.repoRoot().resolve("helm/opencdp"))
                        .template()
                        .withKubeVersion("1.31.0")
                        .call()),
                "Deployment");
        for (JsonNode deployment : deployments) {
            String env = deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0)
                    .path("env")
                    .toString();
            String service = deployment.path("metadata").path("name").asText().replace("-service", "");
            JsonNode cluster = clusters.stream()
                    .filter(c -> c.path("metadata").path("name").asText().equals(service + "-db"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no database cluster for " + service));
            assertThat(env)
                    .contains("jdbc:postgresql://" + service + "-db-rw:5432/"
                            + cluster.path("spec")
                                    .path("bootstrap")
                                    .path("initdb")
                                    .path("database")
                                    .asText());
            assertThat(env).contains(service + "-db-app");
        }
    }

    @Test
    void eachServiceKeepsItsKeysInAClusterOfItsOwnWithShortLivedBackupsAndConnectsAsItsAppRole() throws IOException {
        List<JsonNode> clusters = Manifests.ofKind(all(), "Cluster");
        List<JsonNode> deployments = Manifests.ofKind(
                Manifests.parse(new Helm(Manifests.repoRoot().resolve("helm/opencdp"))
                        .template()
                        .withKubeVersion("1.31.0")
                        .call()),
                "Deployment");
        assertThat(deployments).isNotEmpty();
        for (JsonNode deployment : deployments) {
            String service = deployment.path("metadata").path("name").asText().replace("-service", "");
            JsonNode env = deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0)
                    .path("env");
            JsonNode keys = clusters.stream()
                    .filter(c -> c.path("metadata").path("name").asText().equals(service + "-keys"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no key database cluster for " + service));
            assertThat(keys.path("spec").path("backup").path("retentionPolicy").asText())
                    .as("backup window of " + service + "-keys")
                    .matches("[0-9]+d");
            assertThat(variable(env, "OPENCDP_KEYS_DB_URL").path("value").asText())
                    .startsWith(
                            "jdbc:postgresql://" + service + "-keys-rw:5432/" + service + "_keys?sslmode=verify-full");
            // The app role's Secret for connections, the owner's (CloudNativePG's <cluster>-app) for migrations only.
            assertThat(secretOf(env, "OPENCDP_DB_USER")).isEqualTo(service + "-db-application");
            assertThat(secretOf(env, "OPENCDP_DB_OWNER_USER")).isEqualTo(service + "-db-app");
            assertThat(secretOf(env, "OPENCDP_KEYS_DB_USER")).isEqualTo(service + "-keys-application");
            assertThat(secretOf(env, "OPENCDP_KEYS_DB_OWNER_USER")).isEqualTo(service + "-keys-app");
            for (String cluster : List.of(service + "-db", service + "-keys")) {
                JsonNode managed = clusters.stream()
                        .filter(c -> c.path("metadata").path("name").asText().equals(cluster))
                        .findFirst()
                        .orElseThrow()
                        .path("spec")
                        .path("managed")
                        .path("roles");
                String database = cluster.endsWith("-keys") ? service + "_keys" : service;
                assertThat(managed.toString()).as(cluster).contains("\"name\":\"" + database + "_app\"");
            }
        }
    }

    private static JsonNode variable(JsonNode env, String name) {
        for (JsonNode candidate : env) {
            if (candidate.path("name").asText().equals(name)) {
                return candidate;
            }
        }
        throw new AssertionError("no variable " + name);
    }

    private static String secretOf(JsonNode env, String name) {
        return variable(env, name)
                .path("valueFrom")
                .path("secretKeyRef")
                .path("name")
                .asText();
    }

    @Test
    void everythingLivesInTheOpencdpNamespaceThatEnforcesTheRestrictedProfile() throws IOException {
        List<JsonNode> documents = all();
        JsonNode namespace = Manifests.ofKind(documents, "Namespace").get(0);
        assertThat(namespace
                        .path("metadata")
                        .path("labels")
                        .path("pod-security.kubernetes.io/enforce")
                        .asText())
                .isEqualTo("restricted");
        documents.stream()
                .filter(d -> !"Namespace".equals(d.path("kind").asText()))
                .forEach(d -> assertThat(d.path("metadata").path("namespace").asText())
                        .isEqualTo("opencdp"));
    }

    @Test
    void keycloakSetsEveryPlaceholderOfTheRealmAndTakesEachClientSecretFromTheSecretItsServiceReads()
            throws IOException {
        // Keycloak keeps a placeholder it has no variable for as the literal value: that text would become a secret.
        Set<String> placeholders = new TreeSet<>();
        String realm = Files.readString(K8S.resolve("keycloak/cdp-realm.json"));
        Matcher placeholder = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(realm);
        while (placeholder.find()) {
            placeholders.add(placeholder.group(1));
        }
        JsonNode keycloak = Manifests.ofKind(all(), "Deployment").stream()
                .filter(d -> d.path("metadata").path("name").asText().equals("keycloak"))
                .findFirst()
                .orElseThrow();
        JsonNode env = keycloak.path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("env");
        JsonNode values = Manifests.parse(Files.readString(Manifests.repoRoot().resolve("helm/opencdp/values.yaml")))
                .get(0);
        String settings = Manifests.parse(Files.readString(K8S.resolve("kustomization.yaml")))
                .get(0)
                .path("configMapGenerator")
                .toString();

        assertThat(placeholders).contains("CDP_FRONTEND_URL", "PROFILE_SERVICE_CLIENT_SECRET");
        for (String name : placeholders) {
            JsonNode variable = null;
            for (JsonNode candidate : env) {
                if (candidate.path("name").asText().equals(name)) {
                    variable = candidate;
                }
            }
            assertThat(variable).as("Keycloak's variable %s", name).isNotNull();
            assertThat(variable.has("value"))
                    .as("%s is not written into the manifest", name)
                    .isFalse();
            JsonNode from = variable.path("valueFrom")
                    .path(name.endsWith("_CLIENT_SECRET") ? "secretKeyRef" : "configMapKeyRef");
            assertThat(from.path("optional").asBoolean())
                    .as("%s is required", name)
                    .isFalse();
            if (name.endsWith("_CLIENT_SECRET")) {
                String service =
                        name.replace("_CLIENT_SECRET", "").toLowerCase().replace('_', '-');
                assertThat(from.path("name").asText())
                        .as("Secret of %s", name)
                        .isEqualTo(values.path(service).path("secretName").asText());
                assertThat(from.path("key").asText()).isEqualTo("oidc-client-secret");
            } else {
                assertThat(from.path("name").asText()).isEqualTo("keycloak-settings");
                assertThat(settings)
                        .as("keycloak-settings")
                        .contains("\"" + from.path("key").asText() + "=");
            }
        }
    }

    @Test
    void everyDatabaseRefusesConnectionsWithoutTls() throws IOException {
        List<JsonNode> clusters = Manifests.ofKind(all(), "Cluster");
        assertThat(clusters).hasSizeGreaterThanOrEqualTo(6);
        for (JsonNode cluster : clusters) {
            assertThat(cluster.path("spec").path("postgresql").path("pg_hba"))
                    .extracting(JsonNode::asText)
                    .as(cluster.path("metadata").path("name").asText())
                    .contains("hostnossl all all 0.0.0.0/0 reject", "hostnossl all all ::/0 reject");
        }
    }

    @Test
    void everyDatabaseAcceptsOnlyItsOwnServiceItsInstancesAndTheOperator() throws IOException {
        List<JsonNode> documents = all();
        List<JsonNode> policies = Manifests.ofKind(documents, "NetworkPolicy");
        for (JsonNode cluster : Manifests.ofKind(documents, "Cluster")) {
            String name = cluster.path("metadata").path("name").asText();
            String owner = name.equals("keycloak-db") ? "keycloak" : name.replaceAll("-(db|keys)$", "") + "-service";
            JsonNode policy = policies.stream()
                    .filter(p ->
                            selectedClusters(p.path("spec").path("podSelector")).contains(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no network policy selects " + name));
            List<String> peersOn5432 = new ArrayList<>();
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (!rule.path("ports").toString().contains("5432")) {
                    continue;
                }
                for (JsonNode peer : rule.path("from")) {
                    String app = peer.path("podSelector")
                            .path("matchLabels")
                            .path("app.kubernetes.io/name")
                            .asText();
                    String namespace = peer.path("namespaceSelector")
                            .path("matchLabels")
                            .path("kubernetes.io/metadata.name")
                            .asText();
                    List<String> instances = selectedClusters(peer.path("podSelector"));
                    if (!app.isEmpty()) {
                        peersOn5432.add("app:" + app);
                    } else if (!namespace.isEmpty()) {
                        peersOn5432.add("namespace:" + namespace);
                    } else {
                        assertThat(instances)
                                .as(name + ": a peer that is neither the service nor its own instances")
                                .contains(name);
                        peersOn5432.add("instances");
                    }
                }
            }
            assertThat(peersOn5432)
                    .as(name)
                    .containsExactlyInAnyOrder("app:" + owner, "instances", "namespace:cnpg-system");
        }
    }

    @Test
    void theNamespaceAdmitsNothingThatNoPolicyAllows() throws IOException {
        JsonNode deny = Manifests.ofKind(all(), "NetworkPolicy").stream()
                .filter(p -> p.path("metadata").path("name").asText().equals("default-deny-ingress"))
                .findFirst()
                .orElseThrow();
        assertThat(deny.path("spec").path("podSelector").isEmpty()).isTrue();
        assertThat(deny.path("spec").path("policyTypes").toString()).contains("Ingress");
        assertThat(deny.path("spec").path("ingress").isMissingNode()).isTrue();
    }

    @Test
    void keycloakAdmitsTheServicesAndTheIngressOnHttpsAndReachesOnlyDnsAndItsDatabase() throws IOException {
        JsonNode policy = Manifests.ofKind(all(), "NetworkPolicy").stream()
                .filter(p -> p.path("metadata").path("name").asText().equals("keycloak"))
                .findFirst()
                .orElseThrow()
                .path("spec");
        assertThat(policy.path("policyTypes").toString()).contains("Ingress", "Egress");
        for (JsonNode rule : policy.path("ingress")) {
            assertThat(rule.path("ports").get(0).path("port").asInt()).isEqualTo(8443);
        }
        assertThat(policy.path("ingress").toString())
                .contains("\"app.kubernetes.io/component\":\"api\"", "ingress-nginx");
        List<String> egress = new ArrayList<>();
        policy.path("egress")
                .forEach(rule -> rule.path("to")
                        .forEach(peer -> egress.add(
                                peer.path("podSelector").path("matchLabels").toString())));
        assertThat(egress)
                .containsExactlyInAnyOrder("{\"k8s-app\":\"kube-dns\"}", "{\"cnpg.io/cluster\":\"keycloak-db\"}");
    }

    @Test
    void keycloakServesHttpsOnlyWithACertificateForTheAddressTheChartUses() throws IOException {
        List<JsonNode> documents = all();
        JsonNode keycloak = Manifests.ofKind(documents, "Deployment").get(0);
        String args = keycloak.path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("args")
                .toString();
        assertThat(args).contains("--http-enabled=false", "--https-port=8443", "--hostname-backchannel-dynamic=true");
        assertThat(Manifests.env(keycloak, "KC_DB_URL")).contains("sslmode=verify-full");

        JsonNode values = Manifests.parse(Files.readString(Manifests.chart().resolve("values.yaml")))
                .get(0)
                .path("global");
        assertThat(values.path("oidc").path("url").asText()).isEqualTo("https://keycloak:8443/realms/cdp");
        JsonNode certificate = Manifests.ofKind(documents, "Certificate").stream()
                .filter(c -> c.path("metadata").path("name").asText().equals("keycloak-tls"))
                .findFirst()
                .orElseThrow();
        assertThat(certificate.path("spec").path("dnsNames").toString()).contains("\"keycloak\"");
        // The issuer the chart asks for the services' certificates is the one k8s/ sets up, and it signs Keycloak's
        // too.
        String issuer = values.path("tls").path("issuerRef").path("name").asText();
        assertThat(certificate.path("spec").path("issuerRef").path("name").asText())
                .isEqualTo(issuer);
        assertThat(Manifests.ofKind(documents, "Issuer"))
                .extracting(i -> i.path("metadata").path("name").asText())
                .contains(issuer);
    }

    /** The cluster names a podSelector picks by CloudNativePG's cnpg.io/cluster label. */
    private static List<String> selectedClusters(JsonNode podSelector) {
        List<String> names = new ArrayList<>();
        String label = podSelector.path("matchLabels").path("cnpg.io/cluster").asText();
        if (!label.isEmpty()) {
            names.add(label);
        }
        for (JsonNode expression : podSelector.path("matchExpressions")) {
            if (expression.path("key").asText().equals("cnpg.io/cluster")
                    && expression.path("operator").asText().equals("In")) {
                expression.path("values").forEach(v -> names.add(v.asText()));
            }
        }
        return names;
    }
}
