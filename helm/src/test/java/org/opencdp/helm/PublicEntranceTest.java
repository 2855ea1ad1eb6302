package org.opencdp.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencdp.helm.Manifests.env;
import static org.opencdp.helm.Manifests.named;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.TemplateCommand;

/**
 * The public side of consent-service and tracking-service: one Ingress for the paths browsers and mail links need,
 * on a named host with TLS, and consent-service's SMTP relay (settings, login from a Secret, one egress rule).
 */
class PublicEntranceTest {

    private static TemplateCommand withPublicIngress() {
        return Manifests.template()
                .set("global.publicIngress.enabled", "true")
                .set("global.publicIngress.host", "cdp.example.com")
                .set("global.publicIngress.tlsSecretName", "cdp-example-com-tls");
    }

    private static TemplateCommand withRelay() {
        return withPublicIngress()
                .set("consent-service.smtp.host", "smtp.example.com")
                .set("consent-service.smtp.from", "Example <no-reply@example.com>")
                .set("consent-service.smtp.secretName", "opencdp-consent-smtp")
                .set("consent-service.smtp.cidr", "203.0.113.25/32");
    }

    @Test
    void withoutThemNothingIsPublicAndNoMailSettingsAreSet() {
        List<JsonNode> rendered = Manifests.parse(Manifests.template().call());

        assertThat(Manifests.ofKind(rendered, "Ingress")).isEmpty();
        JsonNode consent = named(rendered, "Deployment", "consent-service");
        assertThat(env(consent, "OPENCDP_SMTP_HOST")).isNull();
        assertThat(env(consent, "OPENCDP_CONSENT_PUBLIC_BASE_URL")).isNull();
        assertThat(named(rendered, "NetworkPolicy", "consent-service").toString())
                .doesNotContain("ipBlock");
    }

    @Test
    void theIngressRoutesExactlyThePublicPathsOnItsHostWithTls() {
        JsonNode ingress = named(Manifests.parse(withPublicIngress().call()), "Ingress", "opencdp-public");

        JsonNode spec = ingress.path("spec");
        assertThat(spec.path("ingressClassName").asText()).isEqualTo("nginx");
        assertThat(spec.path("tls").get(0).path("hosts").get(0).asText()).isEqualTo("cdp.example.com");
        assertThat(spec.path("tls").get(0).path("secretName").asText()).isEqualTo("cdp-example-com-tls");
        assertThat(spec.path("rules")).hasSize(1);
        JsonNode rule = spec.path("rules").get(0);
        assertThat(rule.path("host").asText()).isEqualTo("cdp.example.com");
        assertThat(routes(rule))
                .containsExactly(
                        Map.entry("/api/v1/public/", "consent-service:https"),
                        Map.entry("/api/v1/collect/", "tracking-service:https"),
                        Map.entry("/tracker/v1/", "tracking-service:https"));
        assertThat(ingress.path("metadata")
                        .path("annotations")
                        .path("nginx.ingress.kubernetes.io/backend-protocol")
                        .asText())
                .isEqualTo("HTTPS");
    }

    @Test
    void behindAMeshTheIngressSpeaksPlainHttpToTheServices() {
        JsonNode ingress = named(
                Manifests.parse(
                        withPublicIngress().set("global.tls.mode", "mesh").call()),
                "Ingress",
                "opencdp-public");

        assertThat(routes(ingress.path("spec").path("rules").get(0)).values())
                .containsOnly("consent-service:http", "tracking-service:http");
        assertThat(ingress.path("metadata").path("annotations").isMissingNode()).isTrue();
    }

    @Test
    void consentServiceSendsThroughTheRelayWithItsLoginFromASecret() {
        List<JsonNode> rendered = Manifests.parse(withRelay().call());
        JsonNode consent = named(rendered, "Deployment", "consent-service");

        assertThat(env(consent, "OPENCDP_SMTP_HOST")).isEqualTo("smtp.example.com");
        assertThat(env(consent, "OPENCDP_SMTP_PORT")).isEqualTo("587");
        assertThat(env(consent, "OPENCDP_MAIL_FROM")).isEqualTo("Example <no-reply@example.com>");
        assertThat(env(consent, "OPENCDP_SMTP_START_TLS")).isEqualTo("REQUIRED");
        assertThat(env(consent, "OPENCDP_SMTP_TLS")).isEqualTo("false");
        assertThat(env(consent, "OPENCDP_CONSENT_PUBLIC_BASE_URL")).isEqualTo("https://cdp.example.com");
        for (String variable : List.of("OPENCDP_SMTP_USERNAME", "OPENCDP_SMTP_PASSWORD")) {
            JsonNode entry = variableNamed(consent, variable);
            assertThat(entry.has("value")).as(variable).isFalse();
            assertThat(entry.path("valueFrom").path("secretKeyRef").path("name").asText())
                    .isEqualTo("opencdp-consent-smtp");
        }
        assertThat(env(named(rendered, "Deployment", "profile-service"), "OPENCDP_SMTP_HOST"))
                .isNull();
    }

    @Test
    void implicitTlsIsSetForARelayOnPort465() {
        JsonNode consent = named(
                Manifests.parse(withRelay()
                        .set("consent-service.smtp.tlsMode", "TLS")
                        .set("consent-service.smtp.port", "465")
                        .call()),
                "Deployment",
                "consent-service");

        assertThat(env(consent, "OPENCDP_SMTP_TLS")).isEqualTo("true");
        assertThat(env(consent, "OPENCDP_SMTP_START_TLS")).isEqualTo("DISABLED");
        assertThat(env(consent, "OPENCDP_SMTP_PORT")).isEqualTo("465");
    }

    @Test
    void theNetworkPolicyLetsConsentServiceReachTheRelayOnItsPortOnly() {
        List<JsonNode> rendered = Manifests.parse(withRelay().call());

        List<JsonNode> toRelay = new ArrayList<>();
        for (JsonNode rule :
                named(rendered, "NetworkPolicy", "consent-service").path("spec").path("egress")) {
            if (rule.path("to").get(0).has("ipBlock")) {
                toRelay.add(rule);
            }
        }
        assertThat(toRelay).singleElement().satisfies(rule -> {
            assertThat(rule.path("to")).hasSize(1);
            assertThat(rule.path("to").get(0).path("ipBlock").path("cidr").asText())
                    .isEqualTo("203.0.113.25/32");
            assertThat(rule.path("ports")).hasSize(1);
            assertThat(rule.path("ports").get(0).path("port").asInt()).isEqualTo(587);
        });
        assertThat(named(rendered, "NetworkPolicy", "tracking-service").toString())
                .doesNotContain("ipBlock");
    }

    @Test
    void brokenValuesAreRefused() {
        assertThatThrownBy(() -> Manifests.template()
                        .set("global.publicIngress.enabled", "true")
                        .set("global.publicIngress.host", "cdp.example.com")
                        .call())
                .as("no certificate")
                .hasMessageContaining("tlsSecretName");
        assertThatThrownBy(() -> withPublicIngress()
                        .set("global.publicIngress.host", "*.example.com")
                        .call())
                .as("a wildcard host")
                .hasMessageContaining("host");
        assertThatThrownBy(
                        () -> withRelay().set("consent-service.smtp.cidr", "").call())
                .as("a relay without its address range")
                .hasMessageContaining("cidr");
        assertThatThrownBy(() -> withRelay()
                        .set("consent-service.smtp.cidr", "smtp.example.com")
                        .call())
                .hasMessageContaining("cidr");
        assertThatThrownBy(() ->
                        withRelay().set("consent-service.smtp.tlsMode", "SSL").call())
                .hasMessageContaining("tlsMode");
        assertThatThrownBy(() -> withRelay()
                        .set("consent-service.smtp.password", "secret")
                        .call())
                .as("credentials are never values")
                .hasMessageContaining("password");
        assertThatThrownBy(() -> withRelay()
                        .set("global.production", "true")
                        .set("consent-service.smtp.tlsMode", "NONE")
                        .call())
                .as("plain SMTP in production")
                .hasMessageContaining("tlsMode");
        assertThatThrownBy(() ->
                        withRelay().set("global.publicIngress.enabled", "false").call())
                .as("mail links that lead nowhere")
                .hasMessageContaining("publicIngress");
    }

    /** path -> service:port name, in the order of the rule. */
    private static Map<String, String> routes(JsonNode rule) {
        Map<String, String> routes = new LinkedHashMap<>();
        for (JsonNode path : rule.path("http").path("paths")) {
            assertThat(path.path("pathType").asText()).isEqualTo("Prefix");
            JsonNode service = path.path("backend").path("service");
            routes.put(
                    path.path("path").asText(),
                    service.path("name").asText() + ":"
                            + service.path("port").path("name").asText());
        }
        return routes;
    }

    private static JsonNode variableNamed(JsonNode deployment, String variable) {
        for (JsonNode entry : Manifests.container(deployment).path("env")) {
            if (variable.equals(entry.path("name").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no " + variable);
    }
}
