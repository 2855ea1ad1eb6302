package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The production realm (k8s/keycloak/cdp-realm.json), which a cluster imports: roles, clients, service accounts and
 * audiences, but no person, no secret and no password grant, and every token meant for the services it may reach.
 * What Keycloak makes of it is checked by the end-to-end tests, which import it with the local overlay on top.
 */
class ProductionRealmTest {

    static final Path REALM_FILE = Path.of("../../k8s/keycloak/cdp-realm.json");
    private static JsonNode realm;

    @BeforeAll
    static void readRealm() throws Exception {
        realm = new ObjectMapper().readTree(REALM_FILE.toFile());
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
        expected.add(DemoShop.ROLE);

        List<JsonNode> roles = list(realm.path("roles").path("realm"));

        assertThat(roles).extracting(r -> r.path("name").asText()).containsAll(expected);
        assertThat(roles)
                .allSatisfy(r -> assertThat(r.path("description").asText()).isNotBlank());
        assertThat(roles).filteredOn(r -> r.path("composite").asBoolean()).isEmpty();
    }

    @Test
    void noPersonCanLogInTheOnlyUsersAreTheServiceAccountsOfTheRealmsOwnClients() {
        List<String> clientIds = list(realm.path("clients")).stream()
                .map(c -> c.path("clientId").asText())
                .toList();

        assertThat(list(realm.path("users"))).allSatisfy(user -> {
            assertThat(user.path("serviceAccountClientId").asText())
                    .as("user %s", user.path("username"))
                    .isNotEmpty()
                    .isIn(clientIds);
            assertThat(user.has("credentials"))
                    .as("credentials of %s", user.path("username"))
                    .isFalse();
        });
    }

    @Test
    void noClientAllowsThePasswordGrantOrTheImplicitFlowAndNoClientHoldsASecretValue() {
        assertThat(list(realm.path("clients"))).allSatisfy(client -> {
            String id = client.path("clientId").asText();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean())
                    .as("password grant of %s", id)
                    .isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean())
                    .as("implicit flow of %s", id)
                    .isFalse();
            if (client.has("secret")) {
                // Keycloak fills the placeholder in from its environment at import (k8s/keycloak/keycloak.yaml).
                assertThat(client.path("secret").asText())
                        .as("secret of %s", id)
                        .matches("\\$\\{[A-Z_]+_CLIENT_SECRET}");
            }
        });
    }

    @Test
    void theFrontendClientIsPublicRequiresPkceAndCarriesTheAudiencesOfAllFiveServices() {
        JsonNode client = client("cdp-frontend");

        assertThat(client.path("publicClient").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asText())
                .isEqualTo("S256");
        assertThat(texts(client.path("redirectUris"))).containsExactly("${CDP_FRONTEND_URL}/*");
        assertThat(client.path("fullScopeAllowed").asBoolean()).isFalse();
        assertThat(texts(client.path("defaultClientScopes")))
                .contains("basic", "roles", "profile")
                .containsAll(Arrays.stream(Service.values())
                        .map(Service::serviceName)
                        .toList());
        assertThat(roleScope("cdp-frontend"))
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(DemoUser.values()).map(DemoUser::role).toList());
    }

    @ParameterizedTest(name = "{0}: a confidential client whose secret comes from {0}'s variable")
    @EnumSource(Service.class)
    void eachServiceHasAConfidentialClientForClientCredentialsOnly(Service service) {
        JsonNode client = client(service.serviceName());

        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("secret").asText()).isEqualTo("${" + service.clientSecretVariable() + "}");
    }

    @ParameterizedTest(name = "{0}: its service account holds only its role and asks for the audiences it calls")
    @EnumSource(Service.class)
    void eachServiceAccountHoldsOnlyItsRoleAndMayAskOnlyForTheAudiencesOfTheServicesItCalls(Service service) {
        JsonNode client = client(service.serviceName());
        JsonNode account = list(realm.path("users")).stream()
                .filter(u -> u.path("serviceAccountClientId").asText().equals(service.serviceName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no service account user for " + service.serviceName()));

        assertThat(texts(account.path("realmRoles"))).containsExactly(service.serviceAccountRole());
        assertThat(client.path("fullScopeAllowed").asBoolean()).isFalse();
        assertThat(roleScope(service.serviceName())).containsExactly(service.serviceAccountRole());
        assertThat(texts(client.path("defaultClientScopes"))).containsExactlyInAnyOrder("basic", "roles");
        assertThat(texts(client.path("optionalClientScopes")))
                .containsExactlyInAnyOrderElementsOf(
                        service.calls().stream().map(Service::serviceName).toList());
    }

    @ParameterizedTest(name = "the client scope {0} puts {0} into the token's audience")
    @EnumSource(Service.class)
    void eachServiceHasAnAudienceScopeNamedLikeIt(Service service) {
        JsonNode scope = list(realm.path("clientScopes")).stream()
                .filter(s -> s.path("name").asText().equals(service.serviceName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no client scope " + service.serviceName()));
        List<JsonNode> mappers = list(scope.path("protocolMappers"));

        assertThat(mappers).hasSize(1);
        assertThat(mappers.get(0).path("protocolMapper").asText()).isEqualTo("oidc-audience-mapper");
        assertThat(mappers.get(0)
                        .path("config")
                        .path("included.client.audience")
                        .asText())
                .isEqualTo(service.serviceName());
        assertThat(mappers.get(0).path("config").path("access.token.claim").asText())
                .isEqualTo("true");
    }

    @Test
    void newClientsGetNoAudienceByDefaultAndThereIsNoShopClient() {
        assertThat(texts(realm.path("defaultDefaultClientScopes"))).containsExactlyInAnyOrder("basic", "roles");
        assertThat(texts(realm.path("defaultOptionalClientScopes"))).isEmpty();
        assertThat(list(realm.path("clients")))
                .extracting(c -> c.path("clientId").asText())
                .containsExactlyInAnyOrder(
                        "cdp-frontend",
                        "profile-service",
                        "behaviour-service",
                        "tracking-service",
                        "consent-service",
                        "retention-service");
    }

    private static List<String> roleScope(String clientId) {
        return list(realm.path("scopeMappings")).stream()
                .filter(m -> m.path("client").asText().equals(clientId))
                .flatMap(m -> texts(m.path("roles")).stream())
                .toList();
    }

    private static JsonNode client(String clientId) {
        return list(realm.path("clients")).stream()
                .filter(c -> c.path("clientId").asText().equals(clientId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    static List<String> texts(JsonNode array) {
        return list(array).stream().map(JsonNode::asText).toList();
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
