package org.opencdp.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencdp.helm.Manifests.env;
import static org.opencdp.helm.Manifests.named;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 15: the services check the tokens' issuer without asking the realm for it at start (no OIDC discovery), so
 * the chart hands every service the issuer (OPENCDP_OIDC_ISSUER): global.oidc.issuer, else the realm's public URL,
 * else its URL inside the cluster.
 */
class TokenIssuerTest {

    private static final List<String> SERVICES =
            List.of("profile-service", "behaviour-service", "tracking-service", "consent-service", "retention-service");
    private static final Path PRODUCTION_VALUES = Manifests.chart().resolve("values-production.yaml");
    private static final Path SMALL_VALUES = Manifests.chart().resolve("values-small.yaml");

    @Test
    void byDefaultTheIssuerIsTheRealmsPublicUrl() {
        assertThat(issuers(Manifests.template().call())).containsOnly("https://login.example.com/realms/cdp");
    }

    @Test
    void anIssuerOfItsOwnIsPassedToEveryService() {
        String rendered = Manifests.template()
                .set("global.oidc.issuer", "https://sso.example.org/realms/cdp")
                .call();
        assertThat(issuers(rendered)).containsOnly("https://sso.example.org/realms/cdp");
    }

    @Test
    void withoutAPublicUrlTheIssuerIsTheRealmsUrl() {
        String rendered = Manifests.template().set("global.oidc.publicUrl", "").call();
        assertThat(issuers(rendered)).containsOnly("https://keycloak:8443/realms/cdp");
    }

    @Test
    void theExampleValuesNameTheirIssuer() {
        assertThat(issuers(
                        Manifests.template().withValuesFile(PRODUCTION_VALUES).call()))
                .containsOnly("https://login.example.com/realms/cdp");
        assertThat(issuers(Manifests.template().withValuesFile(SMALL_VALUES).call()))
                .containsOnly("https://login.test.example.com/realms/cdp");
    }

    @Test
    void anIssuerThatIsNoUrlIsRefused() {
        assertThatThrownBy(() -> Manifests.template()
                        .set("global.oidc.issuer", "login.example.com/realms/cdp")
                        .call())
                .hasMessageContaining("issuer");
    }

    @Test
    void productionRefusesAnHttpIssuer() {
        assertThatThrownBy(() -> Manifests.template()
                        .withValuesFile(PRODUCTION_VALUES)
                        .set("global.oidc.issuer", "http://login.example.com/realms/cdp")
                        .call())
                .hasMessageContaining("issuer");
        // Outside production a developer's realm may be plain http.
        assertThat(issuers(Manifests.template()
                        .set("global.oidc.issuer", "http://localhost:8180/realms/cdp")
                        .call()))
                .containsOnly("http://localhost:8180/realms/cdp");
    }

    private static List<String> issuers(String rendered) {
        List<JsonNode> documents = Manifests.parse(rendered);
        return SERVICES.stream()
                .map(service -> env(named(documents, "Deployment", service), "OPENCDP_OIDC_ISSUER"))
                .toList();
    }
}
