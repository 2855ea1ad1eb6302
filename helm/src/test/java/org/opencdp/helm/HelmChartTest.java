package org.opencdp.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

class HelmChartTest {

    private static final List<String> SERVICES =
            List.of("profile-service", "behaviour-service", "tracking-service", "consent-service", "retention-service");
    private static Path chart;
    private static List<JsonNode> rendered;

    @BeforeAll
    static void renderWithDefaults() {
        chart = Manifests.repoRoot().resolve("helm/opencdp");
        rendered = Manifests.parse(
                template().withName("opencdp").withNamespace("opencdp").call());
    }

    /** Renders as for a current cluster (the chart needs Kubernetes 1.27 or newer). */
    private static com.marcnuri.helm.TemplateCommand template() {
        return new Helm(chart).template().withKubeVersion("1.31.0");
    }

    @Test
    void theChartPassesStrictLint() {
        LintResult lint = new Helm(chart).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void everyServiceGetsItsWorkloadPieces() {
        for (String kind : List.of(
                "Deployment",
                "Service",
                "ServiceAccount",
                "HorizontalPodAutoscaler",
                "PodDisruptionBudget",
                "NetworkPolicy")) {
            assertThat(Manifests.ofKind(rendered, kind))
                    .as(kind)
                    .extracting(d -> d.path("metadata").path("name").asText())
                    .containsExactlyInAnyOrderElementsOf(SERVICES);
        }
        assertThat(Manifests.ofKind(rendered, "Certificate"))
                .extracting(d -> d.path("metadata").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(
                        SERVICES.stream().map(s -> s + "-tls").toList());
        assertThat(Manifests.ofKind(rendered, "ServiceMonitor")).isEmpty();
    }

    @Test
    void everyContainerIsProbedLimitedAndLockedDown() {
        for (JsonNode deployment : Manifests.ofKind(rendered, "Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            String name = deployment.path("metadata").path("name").asText();
            assertThat(container
                            .path("readinessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .as(name)
                    .isEqualTo("/q/health/ready");
            assertThat(container
                            .path("livenessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .as(name)
                    .isEqualTo("/q/health/live");
            assertThat(container.path("startupProbe").isMissingNode()).as(name).isFalse();
            assertThat(container.path("resources").path("limits").path("memory").asText())
                    .as(name)
                    .isNotEmpty();
            assertThat(container.path("resources").path("requests").path("cpu").asText())
                    .as(name)
                    .isNotEmpty();
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean())
                    .as(name)
                    .isTrue();
            assertThat(container
                            .path("securityContext")
                            .path("readOnlyRootFilesystem")
                            .asBoolean())
                    .as(name)
                    .isTrue();
            assertThat(container
                            .path("securityContext")
                            .path("allowPrivilegeEscalation")
                            .asBoolean(true))
                    .as(name)
                    .isFalse();
            assertThat(container
                            .path("securityContext")
                            .path("capabilities")
                            .path("drop")
                            .toString())
                    .contains("ALL");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true))
                    .as(name)
                    .isFalse();
            assertThat(container.path("image").asText()).isEqualTo("ghcr.io/opencdp/" + name + ":0.1.0");
        }
    }

    @Test
    void secretsAreReferencedNeverInlined() {
        for (JsonNode deployment : Manifests.ofKind(rendered, "Deployment")) {
            JsonNode env = deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0)
                    .path("env");
            for (String secretVariable : List.of(
                    "OPENCDP_DB_PASSWORD",
                    "OPENCDP_OIDC_CLIENT_SECRET",
                    "OPENCDP_PERSONAL_DATA_MASTER_KEY",
                    "OPENCDP_PERSONAL_DATA_BLIND_INDEX_KEY",
                    "OPENCDP_AUDIT_CHAIN_KEY")) {
                JsonNode variable = StreamSupport.stream(env.spliterator(), false)
                        .filter(e -> secretVariable.equals(e.path("name").asText()))
                        .findFirst()
                        .orElseThrow();
                assertThat(variable.has("value")).as(secretVariable).isFalse();
                assertThat(variable.path("valueFrom")
                                .path("secretKeyRef")
                                .path("name")
                                .asText())
                        .isNotEmpty();
            }
        }
        assertThat(Manifests.ofKind(rendered, "Secret")).isEmpty();
    }

    @Test
    void servicesFindEachOtherAndTheRealm() {
        JsonNode env = Manifests.ofKind(rendered, "Deployment")
                .get(0)
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("env");
        assertThat(env.toString()).contains("OPENCDP_PROFILE_URL", "https://profile-service:8443", "OPENCDP_OIDC_URL");
    }

    @Test
    void onlyTrackingAndConsentAreReachableFromTheIngressController() {
        // Their public paths (events and the tracker; cookie banners and double opt-in links): PublicEntranceTest.
        for (JsonNode policy : Manifests.ofKind(rendered, "NetworkPolicy")) {
            String name = policy.path("metadata").path("name").asText();
            assertThat(policy.toString().contains("ingress-nginx"))
                    .as(name)
                    .isEqualTo(List.of("tracking-service", "consent-service").contains(name));
        }
    }

    @Test
    void serviceMonitorsAndFixedReplicasCanBeSwitchedOn() {
        List<JsonNode> docs = Manifests.parse(template()
                .withName("opencdp")
                .set("profile-service.serviceMonitor.enabled", "true")
                .set("profile-service.autoscaling.enabled", "false")
                .set("profile-service.replicaCount", "3")
                .set("consent-service.enabled", "false")
                .call());
        assertThat(Manifests.ofKind(docs, "ServiceMonitor")).singleElement().satisfies(m -> {
            assertThat(m.path("spec").path("endpoints").get(0).path("path").asText())
                    .isEqualTo("/q/metrics");
            assertThat(m.path("spec").path("endpoints").get(0).path("port").asText())
                    .isEqualTo("management");
        });
        JsonNode profile = Manifests.ofKind(docs, "Deployment").stream()
                .filter(d -> d.path("metadata").path("name").asText().equals("profile-service"))
                .findFirst()
                .orElseThrow();
        assertThat(profile.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(Manifests.ofKind(docs, "Deployment")).hasSize(4);
    }

    @Test
    void theSchemaRejectsValuesThatWouldBreakADeployment() {
        assertThatThrownBy(() ->
                        template().set("profile-service.replicaCount", "0").call())
                .hasMessageContaining("replicaCount");
        assertThatThrownBy(() -> template().set("global.oidc.url", "keycloak").call())
                .hasMessageContaining("url");
        assertThatThrownBy(() -> template()
                        .set("tracking-service.database.url", "postgres://x")
                        .call())
                .hasMessageContaining("url");
        assertThatThrownBy(() -> template().set("profile-service.replicas", "2").call())
                .hasMessageContaining("replicas");
    }

    @Test
    void aServiceWithoutItsSecretNameIsRefused() {
        assertThatThrownBy(
                        () -> template().set("retention-service.secretName", "").call())
                .hasMessageContaining("secretName is required");
    }
}
