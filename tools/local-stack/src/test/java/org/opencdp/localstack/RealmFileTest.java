package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The realm file is shared by the local run and the Kubernetes deployment; these checks keep it in line with what
 * the launcher passes to the services and what the role rules expect. What Keycloak makes of it is checked by the
 * end-to-end tests.
 */
class RealmFileTest {

    private static JsonNode realm;

    @BeforeAll
    static void readRealm() throws Exception {
        realm = new ObjectMapper().readTree(Path.of("../../k8s/keycloak/cdp-realm.json").toFile());
    }

    @Test
    void theRealmIsCdpWithFiveMinuteAccessTokens() {
        assertThat(realm.path("realm").asText()).isEqualTo(KeycloakServer.REALM);
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(300);
    }

    @Test
    void everyDepartmentAndServiceAccountRoleIsDefinedWithADescription() {
        List<String> expected = new ArrayList<>();
        for (DemoUser user : DemoUser.values()) {
            expected.add(user.role());
        }
        for (Service service : Service.values()) {
            expected.add(service.serviceAccountRole());
        }

        List<JsonNode> roles = list(realm.path("roles").path("realm"));

        assertThat(roles).extracting(r -> r.path("name").asText()).containsAll(expected);
        assertThat(roles).allSatisfy(r -> assertThat(r.path("description").asText()).isNotBlank());
        assertThat(roles).filteredOn(r -> r.path("composite").asBoolean()).isEmpty();
    }

    @ParameterizedTest(name = "the demo user {0} logs in with the demo password and holds only its own role")
    @EnumSource(DemoUser.class)
    void eachDemoUserHoldsOnlyItsOwnRole(DemoUser demo) {
        JsonNode user = user(demo.username());

        assertThat(user.path("enabled").asBoolean()).isTrue();
        assertThat(user.path("email").asText()).isEqualTo(demo.email());
        assertThat(user.path("emailVerified").asBoolean()).isTrue();
        assertThat(user.path("firstName").asText()).isNotBlank();
        assertThat(user.path("lastName").asText()).isNotBlank();
        assertThat(list(user.path("requiredActions"))).isEmpty();
        assertThat(list(user.path("realmRoles"))).extracting(JsonNode::asText).containsExactly(demo.role());
        assertThat(list(user.path("clientRoles"))).isEmpty();
        JsonNode credential = user.path("credentials").get(0);
        assertThat(credential.path("value").asText()).isEqualTo(DemoUser.PASSWORD);
        assertThat(credential.path("temporary").asBoolean()).isFalse();
    }

    @ParameterizedTest(name = "{0} has a confidential client with the secret the launcher passes and only its svc role")
    @EnumSource(Service.class)
    void eachServiceHasAConfidentialClientWhoseAccountHoldsOnlyItsRole(Service service) {
        JsonNode client = client(service.serviceName());

        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("secret").asText()).isEqualTo(service.localClientSecret());
        JsonNode account = users().stream()
                .filter(u -> u.path("serviceAccountClientId").asText().equals(service.serviceName()))
                .findFirst().orElseThrow(() -> new AssertionError("no service account user for " + service.serviceName()));
        assertThat(list(account.path("realmRoles"))).extracting(JsonNode::asText).containsExactly(service.serviceAccountRole());
    }

    @Test
    void theFrontendClientIsPublicWithPkceAndAllowsTheSwaggerUisOfBothSuites() {
        JsonNode client = client("cdp-frontend");
        List<String> redirects = list(client.path("redirectUris")).stream().map(JsonNode::asText).toList();

        assertThat(client.path("publicClient").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(list(client.path("webOrigins"))).extracting(JsonNode::asText).containsExactly("+");
        for (StackPorts ports : List.of(StackPorts.defaults(), StackPorts.endToEnd())) {
            for (Service service : Service.values()) {
                assertThat(redirects).contains("http://localhost:" + ports.of(service) + "/*");
            }
        }
    }

    private static JsonNode user(String username) {
        return users().stream().filter(u -> u.path("username").asText().equals(username)).findFirst()
                .orElseThrow(() -> new AssertionError("no user " + username));
    }

    private static List<JsonNode> users() {
        return list(realm.path("users"));
    }

    private static JsonNode client(String clientId) {
        return list(realm.path("clients")).stream().filter(c -> c.path("clientId").asText().equals(clientId))
                .findFirst().orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
