package org.opencdp.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencdp.helm.Manifests.named;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.TemplateCommand;

/**
 * Issue 14: telephony and ticket systems reach profile-service's webhooks and 3CX endpoints through an Ingress of
 * their own (they hold no token of the realm): exactly those two paths, on a named host with TLS, off by default,
 * each path optionally limited to the addresses its vendor publishes.
 */
class IntegrationsIngressTest {

    private static final String WEBHOOKS = "opencdp-integrations-webhooks";
    private static final String THREE_CX = "opencdp-integrations-3cx";
    private static final String ALLOW_LIST = "nginx.ingress.kubernetes.io/whitelist-source-range";

    private static TemplateCommand withIntegrationsIngress() {
        return Manifests.template()
                .set("global.integrationsIngress.enabled", "true")
                .set("global.integrationsIngress.host", "integrations.example.com")
                .set("global.integrationsIngress.tlsSecretName", "integrations-example-com-tls");
    }

    @Test
    void offByDefaultAndProfileServiceThenAdmitsNoIngressController() {
        List<JsonNode> rendered = Manifests.parse(Manifests.template().call());

        assertThat(Manifests.ofKind(rendered, "Ingress")).isEmpty();
        assertThat(admitsIngressController(named(rendered, "NetworkPolicy", "profile-service")))
                .isFalse();
    }

    @Test
    void eachPathHasAnIngressOfItsOwnOnTheHostWithTlsToProfileService() {
        List<JsonNode> rendered = Manifests.parse(withIntegrationsIngress().call());

        assertThat(Manifests.ofKind(rendered, "Ingress"))
                .extracting(i -> i.path("metadata").path("name").asText())
                .containsExactlyInAnyOrder(WEBHOOKS, THREE_CX);
        assertRoutes(named(rendered, "Ingress", WEBHOOKS), "/api/v1/webhooks/", "https");
        assertRoutes(named(rendered, "Ingress", THREE_CX), "/api/v1/integrations/3cx/", "https");
        for (String name : List.of(WEBHOOKS, THREE_CX)) {
            JsonNode annotations =
                    named(rendered, "Ingress", name).path("metadata").path("annotations");
            assertThat(annotations
                            .path("nginx.ingress.kubernetes.io/backend-protocol")
                            .asText())
                    .isEqualTo("HTTPS");
            assertThat(annotations.has(ALLOW_LIST))
                    .as("no allow-list unless set")
                    .isFalse();
        }
    }

    @Test
    void profileServiceAdmitsTheIngressControllerOnItsApiPortOnlyWhenTheIngressIsOn() {
        List<JsonNode> rendered = Manifests.parse(withIntegrationsIngress().call());

        assertThat(admitsIngressController(named(rendered, "NetworkPolicy", "profile-service")))
                .isTrue();
        assertThat(admitsIngressController(named(rendered, "NetworkPolicy", "behaviour-service")))
                .as("the other services are not its backends")
                .isFalse();
        assertThat(admitsIngressController(named(rendered, "NetworkPolicy", "retention-service")))
                .isFalse();
    }

    @Test
    void eachPathAdmitsOnlyTheAddressRangesSetForIt() {
        List<JsonNode> rendered = Manifests.parse(withIntegrationsIngress()
                .set("global.integrationsIngress.allowedSourceRanges.webhooks[0]", "217.10.79.0/24")
                .set("global.integrationsIngress.allowedSourceRanges.webhooks[1]", "2001:db8::/32")
                .set("global.integrationsIngress.annotations.cert-manager\\.io/cluster-issuer", "letsencrypt")
                .call());

        JsonNode webhooks =
                named(rendered, "Ingress", WEBHOOKS).path("metadata").path("annotations");
        assertThat(webhooks.path(ALLOW_LIST).asText()).isEqualTo("217.10.79.0/24,2001:db8::/32");
        assertThat(webhooks.path("cert-manager.io/cluster-issuer").asText()).isEqualTo("letsencrypt");
        JsonNode threeCx = named(rendered, "Ingress", THREE_CX).path("metadata").path("annotations");
        assertThat(threeCx.has(ALLOW_LIST)).isFalse();
        assertThat(threeCx.path("cert-manager.io/cluster-issuer").asText()).isEqualTo("letsencrypt");
    }

    @Test
    void behindAMeshTheIngressesSpeakPlainHttpToProfileService() {
        List<JsonNode> rendered = Manifests.parse(
                withIntegrationsIngress().set("global.tls.mode", "mesh").call());

        assertRoutes(named(rendered, "Ingress", WEBHOOKS), "/api/v1/webhooks/", "http");
        assertRoutes(named(rendered, "Ingress", THREE_CX), "/api/v1/integrations/3cx/", "http");
        assertThat(named(rendered, "Ingress", WEBHOOKS)
                        .path("metadata")
                        .path("annotations")
                        .isMissingNode())
                .isTrue();
    }

    @Test
    void brokenValuesAreRefused() {
        assertThatThrownBy(() -> Manifests.template()
                        .set("global.integrationsIngress.enabled", "true")
                        .set("global.integrationsIngress.host", "integrations.example.com")
                        .call())
                .as("no certificate")
                .hasMessageContaining("tlsSecretName");
        assertThatThrownBy(() -> Manifests.template()
                        .set("global.integrationsIngress.enabled", "true")
                        .set("global.integrationsIngress.tlsSecretName", "integrations-example-com-tls")
                        .call())
                .as("no host")
                .hasMessageContaining("host");
        assertThatThrownBy(() -> withIntegrationsIngress()
                        .set("global.integrationsIngress.host", "*.example.com")
                        .call())
                .as("a wildcard host")
                .hasMessageContaining("host");
        assertThatThrownBy(() -> withIntegrationsIngress()
                        .set("global.integrationsIngress.allowedSourceRanges.threeCx[0]", "pbx.example.com")
                        .call())
                .as("a host name instead of an address range")
                .hasMessageContaining("threeCx");
        assertThatThrownBy(() -> withIntegrationsIngress()
                        .set("global.integrationsIngress.allowedSourceRanges.zammad[0]", "192.0.2.0/24")
                        .call())
                .as("a path the chart does not route")
                .hasMessageContaining("zammad");
        assertThatThrownBy(() -> withIntegrationsIngress()
                        .set("profile-service.enabled", "false")
                        .call())
                .as("no backend")
                .hasMessageContaining("profile-service");
    }

    private static void assertRoutes(JsonNode ingress, String path, String portName) {
        JsonNode spec = ingress.path("spec");
        assertThat(spec.path("ingressClassName").asText()).isEqualTo("nginx");
        assertThat(spec.path("tls")).hasSize(1);
        assertThat(spec.path("tls").get(0).path("hosts").get(0).asText()).isEqualTo("integrations.example.com");
        assertThat(spec.path("tls").get(0).path("secretName").asText()).isEqualTo("integrations-example-com-tls");
        assertThat(spec.path("rules")).hasSize(1);
        JsonNode rule = spec.path("rules").get(0);
        assertThat(rule.path("host").asText()).isEqualTo("integrations.example.com");
        assertThat(rule.path("http").path("paths")).singleElement().satisfies(p -> {
            assertThat(p.path("path").asText()).isEqualTo(path);
            assertThat(p.path("pathType").asText()).isEqualTo("Prefix");
            assertThat(p.path("backend").path("service").path("name").asText()).isEqualTo("profile-service");
            assertThat(p.path("backend")
                            .path("service")
                            .path("port")
                            .path("name")
                            .asText())
                    .isEqualTo(portName);
        });
    }

    /** Whether the policy admits pods of the ingress controller's namespace, on the API port only. */
    private static boolean admitsIngressController(JsonNode policy) {
        for (JsonNode rule : policy.path("spec").path("ingress")) {
            JsonNode from = rule.path("from").get(0);
            if ("ingress-nginx"
                    .equals(from.path("namespaceSelector")
                            .path("matchLabels")
                            .path("kubernetes.io/metadata.name")
                            .asText())) {
                assertThat(rule.path("ports"))
                        .singleElement()
                        .satisfies(port -> assertThat(port.path("port").asInt()).isEqualTo(8443));
                return true;
            }
        }
        return false;
    }
}
