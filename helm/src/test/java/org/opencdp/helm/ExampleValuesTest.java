package org.opencdp.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The example values (values.yaml, values-production.yaml, values-small.yaml) render objects the Kubernetes API
 * accepts, with what each example promises; the schemas refuse values that would break a deployment.
 */
class ExampleValuesTest {

    private static final List<String> SERVICES =
            List.of("profile-service", "behaviour-service", "tracking-service", "consent-service", "retention-service");

    static List<String> valueFiles() {
        return List.of("values.yaml", "values-production.yaml", "values-small.yaml");
    }

    static List<HasMetadata> render(String valuesFile) {
        TemplateCommand template = Manifests.template();
        if (!valuesFile.equals("values.yaml")) {
            template = template.withValuesFile(Manifests.chart().resolve(valuesFile));
        }
        return KubernetesObjects.typed(Manifests.parse(template.call()));
    }

    private static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
        return ofType(objects, type).stream()
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    @ParameterizedTest
    @MethodSource("valueFiles")
    void everyRenderedObjectIsAKubernetesObjectWithOnlyFieldsKubernetesKnows(String valuesFile) {
        List<HasMetadata> objects = render(valuesFile);

        assertThat(ofType(objects, Deployment.class))
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        for (HasMetadata object : objects) {
            if (KubernetesObjects.isCustomResource(object)) {
                assertThat(object.getKind()).isIn("Certificate", "ServiceMonitor", "PrometheusRule");
            } else {
                assertThat(KubernetesObjects.unknownFields(object)).isEmpty();
            }
        }
        for (Deployment deployment : ofType(objects, Deployment.class)) {
            var resources = deployment
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .getFirst()
                    .getResources();
            // Quantity parses the amount: a value the API server would refuse fails here.
            assertThat(Quantity.getAmountInBytes(resources.getLimits().get("memory")))
                    .isGreaterThan(
                            Quantity.getAmountInBytes(new Quantity("256Mi")).subtract(BigDecimal.ONE));
            assertThat(Quantity.getAmountInBytes(resources.getRequests().get("memory")))
                    .isLessThanOrEqualTo(
                            Quantity.getAmountInBytes(resources.getLimits().get("memory")));
        }
    }

    @Test
    void aFieldKubernetesDoesNotKnowIsFoundAndAWrongTypeFailsTheParse() {
        String misplaced = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers: [{name: x, image: x, resource: {limits: {memory: 1Gi}}}]
                """;
        assertThat(KubernetesObjects.unknownFields(
                        KubernetesObjects.typed(Manifests.parse(misplaced)).getFirst()))
                .singleElement()
                .asString()
                .contains("Containers[0]", "resource");

        String wrongType = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec: {replicas: two}
                """;
        assertThatThrownBy(() -> KubernetesObjects.typed(Manifests.parse(wrongType)))
                .hasStackTraceContaining("replicas");
    }

    @Test
    void productionRunsEveryServiceRedundantlyBehindTlsIngresses() {
        List<HasMetadata> objects = render("values-production.yaml");

        for (String service : SERVICES) {
            HorizontalPodAutoscaler hpa = named(objects, HorizontalPodAutoscaler.class, service);
            assertThat(hpa.getSpec().getMinReplicas()).as(service).isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas())
                    .as(service)
                    .isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
            PodDisruptionBudget pdb = named(objects, PodDisruptionBudget.class, service);
            assertThat(pdb.getSpec().getMinAvailable().getIntVal())
                    .as(service)
                    .isLessThan(hpa.getSpec().getMinReplicas());
            Deployment deployment = named(objects, Deployment.class, service);
            assertThat(deployment.getSpec().getReplicas())
                    .as("the autoscaler sets the replicas")
                    .isNull();
        }
        assertThat(ofType(objects, HasMetadata.class))
                .filteredOn(o -> o.getKind().equals("ServiceMonitor"))
                .hasSize(SERVICES.size())
                .allSatisfy(
                        m -> assertThat(m.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack"));

        List<Ingress> ingresses = ofType(objects, Ingress.class);
        assertThat(ingresses)
                .extracting(i -> i.getMetadata().getName())
                .containsExactlyInAnyOrder(
                        "opencdp-public",
                        "opencdp-integrations-webhooks",
                        "opencdp-integrations-3cx",
                        "profile-service",
                        "behaviour-service",
                        "tracking-service",
                        "consent-service",
                        "retention-service");
        for (Ingress ingress : ingresses) {
            String host = ingress.getSpec().getRules().getFirst().getHost();
            assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
                assertThat(tls.getHosts()).containsExactly(host);
                assertThat(tls.getSecretName()).isNotBlank();
            });
            assertThat(ingress.getMetadata().getAnnotations())
                    .containsEntry("nginx.ingress.kubernetes.io/backend-protocol", "HTTPS");
        }
        Ingress profile = named(objects, Ingress.class, "profile-service");
        assertThat(profile.getSpec().getRules().getFirst().getHost()).isEqualTo("profile.api.example.com");
        assertThat(profile.getSpec().getRules().getFirst().getHttp().getPaths())
                .singleElement()
                .satisfies(path -> {
                    assertThat(path.getPath()).isEqualTo("/api/");
                    assertThat(path.getBackend().getService().getName()).isEqualTo("profile-service");
                    assertThat(path.getBackend().getService().getPort().getName())
                            .isEqualTo("https");
                });
    }

    @Test
    void aServiceWithAnApiIngressLetsTheIngressControllerIn() {
        List<HasMetadata> objects = render("values-production.yaml");

        var profilePolicy = named(objects, NetworkPolicy.class, "profile-service");
        assertThat(profilePolicy.getSpec().getIngress())
                .anySatisfy(rule -> assertThat(rule.getFrom())
                        .anySatisfy(peer -> assertThat(peer.getNamespaceSelector())
                                .isNotNull()
                                .satisfies(selector -> assertThat(selector.getMatchLabels())
                                        .containsEntry("kubernetes.io/metadata.name", "ingress-nginx"))));
        var behaviourWithout = named(render("values.yaml"), NetworkPolicy.class, "behaviour-service");
        assertThat(behaviourWithout.toString()).doesNotContain("ingress-nginx");
    }

    @Test
    void aSmallClusterRunsOneReplicaOfEachWithoutAutoscalersOrBudgets() {
        List<HasMetadata> objects = render("values-small.yaml");

        assertThat(ofType(objects, HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(ofType(objects, PodDisruptionBudget.class)).isEmpty();
        for (Deployment deployment : ofType(objects, Deployment.class)) {
            assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
            assertThat(deployment
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .getFirst()
                            .getResources()
                            .getLimits())
                    .containsEntry("memory", new Quantity("384Mi"));
        }
        assertThat(named(objects, Ingress.class, "opencdp-public")
                        .getSpec()
                        .getRules()
                        .getFirst()
                        .getHost())
                .isEqualTo("cdp.test.example.com");
    }

    /** Each broken value, set on top of the production values, and a word of the error helm must give. */
    static List<Map.Entry<UnaryOperator<TemplateCommand>, String>> brokenValues() {
        return List.of(
                Map.entry(t -> t.set("global.tls.mode", "tunnel"), "mode"),
                Map.entry(t -> t.set("global.image.pullPolicy", "Sometimes"), "pullPolicy"),
                Map.entry(
                        t -> t.set("profile-service.autoscaling.enabled", "false")
                                .set("profile-service.replicaCount", "-1"),
                        "replicaCount"),
                Map.entry(t -> t.set("tracking-service.autoscaling.minReplicas", "0"), "minReplicas"),
                Map.entry(t -> t.set("behaviour-service.ingress.host", ""), "host"),
                Map.entry(t -> t.set("behaviour-service.ingress.tlsSecretName", ""), "tlsSecretName"),
                Map.entry(t -> t.set("profile-service.ingress.host", "https://profile.example.com"), "host"),
                Map.entry(t -> t.set("global.publicIngress.host", ""), "host"),
                Map.entry(t -> t.set("consent-service.resources.limits.memory", "lots"), "memory"),
                Map.entry(t -> t.set("consent-service.resources.requests.cpu", "-1"), "cpu"),
                Map.entry(t -> t.set("consent-service.resources.limits.gpu", "1"), "gpu"),
                Map.entry(t -> t.set("retention-service.podDisruptionBudget.minAvailable", "150%"), "minAvailable"),
                Map.entry(t -> t.set("retention-service.shutdown.timeoutSeconds", "0"), "timeoutSeconds"),
                Map.entry(t -> t.set("profile-service.serviceMonitor.interval", "often"), "interval"),
                Map.entry(t -> t.set("profile-service.autoscaling.minReplicas", "7"), "minReplicas"));
    }

    @ParameterizedTest
    @MethodSource("brokenValues")
    void theSchemaOrTheChartRefusesBrokenValues(Map.Entry<UnaryOperator<TemplateCommand>, String> broken) {
        TemplateCommand production =
                Manifests.template().withValuesFile(Manifests.chart().resolve("values-production.yaml"));

        assertThatThrownBy(() -> broken.getKey().apply(production).call()).hasMessageContaining(broken.getValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"values-production.yaml", "values-small.yaml"})
    void theExamplesNameEveryServiceTheChartKnows(String valuesFile) throws IOException {
        String values = Files.readString(Manifests.chart().resolve(valuesFile));
        for (String service : SERVICES) {
            assertThat(values).as(valuesFile).contains(service + ":");
        }
    }
}
