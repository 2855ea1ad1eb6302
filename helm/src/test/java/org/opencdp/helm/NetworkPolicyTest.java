package org.opencdp.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencdp.helm.Manifests.named;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 9: the services' network policies deny by default both ways. A service reaches DNS, the OIDC provider, its
 * own databases and the services it calls, nothing else; it accepts its callers on the API port and Prometheus on
 * the management port only.
 */
class NetworkPolicyTest {

    /** Who calls whom; retention answers the subject-rights contract for itself through the same client. */
    private static final Map<String, Set<String>> CALLS = Map.of(
            "profile-service", Set.of("behaviour-service", "tracking-service", "consent-service"),
            "behaviour-service", Set.of("consent-service"),
            "tracking-service", Set.of("consent-service"),
            "consent-service", Set.of("tracking-service", "behaviour-service"),
            "retention-service",
                    Set.of(
                            "profile-service",
                            "behaviour-service",
                            "tracking-service",
                            "consent-service",
                            "retention-service"));

    private static List<JsonNode> rendered;

    @BeforeAll
    static void render() {
        rendered = Manifests.parse(Manifests.template().call());
    }

    @Test
    void everyServiceDeniesByDefaultBothWays() {
        for (String service : CALLS.keySet()) {
            JsonNode spec = policy(service);
            assertThat(spec.path("policyTypes"))
                    .extracting(JsonNode::asText)
                    .as(service)
                    .containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(spec.path("podSelector")
                            .path("matchLabels")
                            .path("app.kubernetes.io/name")
                            .asText())
                    .isEqualTo(service);
        }
    }

    @Test
    void eachServiceReachesExactlyTheServicesItCalls() {
        for (var entry : CALLS.entrySet()) {
            assertThat(egressTargets(entry.getKey(), "app.kubernetes.io/name", 8443))
                    .as(entry.getKey())
                    .containsExactlyInAnyOrderElementsOf(union(entry.getValue(), Set.of("keycloak")));
        }
    }

    @Test
    void eachServiceAcceptsExactlyItsCallersOnTheApiPort() {
        for (String service : CALLS.keySet()) {
            Set<String> callers = new TreeSet<>();
            CALLS.forEach((caller, callees) -> {
                if (callees.contains(service)) {
                    callers.add(caller);
                }
            });
            Set<String> admitted = new TreeSet<>();
            for (JsonNode rule : policy(service).path("ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    String name = peer.path("podSelector")
                            .path("matchLabels")
                            .path("app.kubernetes.io/name")
                            .asText();
                    if (!name.isEmpty()) {
                        assertThat(ports(rule)).as(service + " from " + name).containsExactly(8443);
                        admitted.add(name);
                    }
                }
            }
            assertThat(admitted).as(service).isEqualTo(callers);
        }
    }

    @Test
    void eachServiceReachesOnlyItsOwnDatabases() {
        for (String service : CALLS.keySet()) {
            String name = service.replace("-service", "");
            assertThat(egressTargets(service, "cnpg.io/cluster", 5432))
                    .as(service)
                    .containsExactlyInAnyOrder(name + "-db", name + "-keys");
        }
    }

    @Test
    void dnsAndTheOidcProviderAreReachableAndNothingElse() {
        for (String service : CALLS.keySet()) {
            JsonNode egress = policy(service).path("egress");
            boolean dns = false;
            for (JsonNode rule : egress) {
                assertThat(rule.path("to").isEmpty())
                        .as(service + ": a rule without 'to' allows every destination")
                        .isFalse();
                assertThat(rule.path("ports").isEmpty())
                        .as(service + ": a rule without ports allows every port")
                        .isFalse();
                for (JsonNode peer : rule.path("to")) {
                    assertThat(peer.has("ipBlock"))
                            .as(service + ": no address ranges")
                            .isFalse();
                    assertThat(peer.path("podSelector").path("matchLabels").isEmpty())
                            .as(service + ": every peer names its pods")
                            .isFalse();
                    if ("kube-system"
                            .equals(peer.path("namespaceSelector")
                                    .path("matchLabels")
                                    .path("kubernetes.io/metadata.name")
                                    .asText())) {
                        dns = peer.path("podSelector")
                                        .path("matchLabels")
                                        .path("k8s-app")
                                        .asText()
                                        .equals("kube-dns")
                                && ports(rule).equals(List.of(53, 53));
                    }
                }
            }
            assertThat(dns).as(service + " reaches DNS").isTrue();
        }
    }

    @Test
    void prometheusReachesTheManagementPortOnly() {
        for (String service : CALLS.keySet()) {
            for (JsonNode rule : policy(service).path("ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    if ("monitoring"
                            .equals(peer.path("namespaceSelector")
                                    .path("matchLabels")
                                    .path("kubernetes.io/metadata.name")
                                    .asText())) {
                        assertThat(ports(rule)).as(service).containsExactly(9000);
                    }
                }
            }
        }
    }

    @Test
    void theMatrixFollowsTheChosenPortsBehindAMesh() {
        List<JsonNode> mesh = Manifests.parse(
                Manifests.template().set("global.tls.mode", "mesh").call());
        JsonNode spec = named(mesh, "NetworkPolicy", "profile-service").path("spec");
        assertThat(spec.path("ingress")
                        .get(0)
                        .path("from")
                        .get(0)
                        .path("podSelector")
                        .path("matchLabels")
                        .path("app.kubernetes.io/name")
                        .asText())
                .isEqualTo("retention-service");
        assertThat(ports(spec.path("ingress").get(0))).containsExactly(8080);
        JsonNode toServices = spec.path("egress").get(spec.path("egress").size() - 1);
        assertThat(toServices
                        .path("to")
                        .get(0)
                        .path("podSelector")
                        .path("matchLabels")
                        .path("app.kubernetes.io/name")
                        .asText())
                .isEqualTo("behaviour-service");
        assertThat(ports(toServices)).containsExactly(8080);
    }

    private static JsonNode policy(String service) {
        return named(rendered, "NetworkPolicy", service).path("spec");
    }

    /** The values of {@code label} of the pods the service may reach on {@code port}. */
    private static Set<String> egressTargets(String service, String label, int port) {
        Set<String> targets = new TreeSet<>();
        for (JsonNode rule : policy(service).path("egress")) {
            for (JsonNode peer : rule.path("to")) {
                String value =
                        peer.path("podSelector").path("matchLabels").path(label).asText();
                if (!value.isEmpty()) {
                    assertThat(ports(rule)).as(service + " to " + value).containsExactly(port);
                    targets.add(value);
                }
            }
        }
        return targets;
    }

    private static List<Integer> ports(JsonNode rule) {
        List<Integer> ports = new ArrayList<>();
        rule.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
        return ports;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
