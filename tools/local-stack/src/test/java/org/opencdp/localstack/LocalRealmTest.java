package org.opencdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencdp.localstack.ProductionRealmTest.list;
import static org.opencdp.localstack.ProductionRealmTest.texts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The realm of the local run: the production realm with tools/local-stack/cdp-realm-local.json merged on top, so
 * `make run`, the end-to-end tests and the benchmarks have the demo logins, the password grant and the demo shop,
 * while everything the production realm says still holds.
 */
class LocalRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode production;
    private static JsonNode local;

    @BeforeAll
    static void readRealms() throws Exception {
        production = JSON.readTree(ProductionRealmTest.REALM_FILE.toFile());
        local = LocalRealm.of(StackLayout.forRepo(Path.of("../..")));
    }

    @ParameterizedTest(name = "the demo user {0} logs in with the demo password and holds only its own role")
    @EnumSource(DemoUser.class)
    void everyDemoUserIsThereAndHoldsOnlyItsOwnRole(DemoUser demo) {
        JsonNode user = list(local.path("users")).stream()
                .filter(u -> u.path("username").asText().equals(demo.username()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no user " + demo.username()));

        assertThat(user.path("enabled").asBoolean()).isTrue();
        assertThat(user.path("email").asText()).isEqualTo(demo.email());
        assertThat(user.path("emailVerified").asBoolean()).isTrue();
        assertThat(user.path("firstName").asText()).isNotBlank();
        assertThat(user.path("lastName").asText()).isNotBlank();
        assertThat(list(user.path("requiredActions"))).isEmpty();
        assertThat(texts(user.path("realmRoles"))).containsExactly(demo.role());
        assertThat(list(user.path("clientRoles"))).isEmpty();
        JsonNode credential = user.path("credentials").get(0);
        assertThat(credential.path("value").asText()).isEqualTo(DemoUser.PASSWORD);
        assertThat(credential.path("temporary").asBoolean()).isFalse();
    }

    @Test
    void theFrontendClientAddsThePasswordGrantAndTheSwaggerUisOfBothSuitesAndKeepsPkceAndItsAudiences() {
        JsonNode client = client(local, "cdp-frontend");
        List<String> redirects = texts(client.path("redirectUris"));

        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(client.path("publicClient").asBoolean()).isTrue();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asText())
                .isEqualTo("S256");
        assertThat(client.path("defaultClientScopes"))
                .isEqualTo(client(production, "cdp-frontend").path("defaultClientScopes"));
        for (StackPorts ports : List.of(StackPorts.defaults(), StackPorts.endToEnd())) {
            for (Service service : Service.values()) {
                assertThat(redirects).contains("http://localhost:" + ports.of(service) + "/*");
            }
        }
    }

    @Test
    void theDemoShopIsAConfidentialClientHoldingTheShopRoleWithTheAudiencesOfTheServicesAShopCalls() {
        JsonNode client = client(local, DemoShop.CLIENT_ID);
        JsonNode account = list(local.path("users")).stream()
                .filter(u -> u.path("serviceAccountClientId").asText().equals(DemoShop.CLIENT_ID))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no service account for the demo shop"));

        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("secret").asText()).isEqualTo(DemoShop.SECRET);
        assertThat(client.path("fullScopeAllowed").asBoolean()).isFalse();
        assertThat(texts(account.path("realmRoles"))).containsExactly(DemoShop.ROLE);
        assertThat(texts(client.path("optionalClientScopes")))
                .containsExactlyInAnyOrderElementsOf(
                        DemoShop.calls().stream().map(Service::serviceName).toList());
        assertThat(list(local.path("scopeMappings"))).anySatisfy(m -> {
            assertThat(m.path("client").asText()).isEqualTo(DemoShop.CLIENT_ID);
            assertThat(texts(m.path("roles"))).containsExactly(DemoShop.ROLE);
        });
    }

    @Test
    void nothingOfTheProductionRealmIsLost() {
        for (String list : List.of("clients", "users", "clientScopes", "scopeMappings")) {
            for (JsonNode entry : production.path(list)) {
                String id = entry.has("clientId")
                        ? "clientId"
                        : entry.has("username") ? "username" : entry.has("client") ? "client" : "name";
                assertThat(list(local.path(list)))
                        .as("%s %s", list, entry.path(id))
                        .anySatisfy(merged -> assertThat(merged.path(id)).isEqualTo(entry.path(id)));
            }
        }
        assertThat(local.path("roles")).isEqualTo(production.path("roles"));
        for (Service service : Service.values()) {
            assertThat(client(local, service.serviceName())).isEqualTo(client(production, service.serviceName()));
        }
    }

    @Test
    void theLocalRunSetsEveryVariableTheRealmNamesAndGivesEachServiceTheSecretKeycloakGivesItsClient() {
        assertThat(LocalRealm.environment().keySet()).containsAll(LocalRealm.placeholders(local));
        for (Service service : Service.values()) {
            assertThat(LocalRealm.environment())
                    .containsEntry(service.clientSecretVariable(), service.localClientSecret());
        }
    }

    @Test
    void anOverlayMergesObjectsByKeyListEntriesByTheirIdAndAddsTheRest() throws Exception {
        JsonNode base = JSON.readTree("""
                {"a": 1, "clients": [{"clientId": "x", "flag": false, "uris": ["u1"]}], "names": ["p"]}""");
        JsonNode overlay = JSON.readTree("""
                {"b": 2, "clients": [{"clientId": "x", "flag": true, "uris": ["u2"]}, {"clientId": "y"}], "names": ["p", "q"]}""");

        assertThat(LocalRealm.merge(base, overlay)).isEqualTo(JSON.readTree("""
                {"a": 1, "b": 2, "clients": [{"clientId": "x", "flag": true, "uris": ["u1", "u2"]}, {"clientId": "y"}],
                 "names": ["p", "q"]}"""));
    }

    @Test
    void aRealmNamingAVariableTheLocalRunDoesNotSetIsNotImported(@TempDir Path repo) throws Exception {
        Files.createFile(repo.resolve("mvnw"));
        Files.createFile(repo.resolve("pom.xml"));
        StackLayout layout = StackLayout.forRepo(repo);
        Files.createDirectories(layout.realmFile().getParent());
        Files.writeString(
                layout.realmFile(), "{\"clients\": [{\"clientId\": \"x\", \"secret\": \"${X_CLIENT_SECRET}\"}]}");
        Files.createDirectories(layout.localRealmOverlay().getParent());
        Files.writeString(layout.localRealmOverlay(), "{}");
        Path target = repo.resolve("cdp-realm.json");

        assertThatThrownBy(() -> LocalRealm.writeForImport(layout, target))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("X_CLIENT_SECRET");
        assertThat(target).doesNotExist();
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        return list(realm.path("clients")).stream()
                .filter(c -> c.path("clientId").asText().equals(clientId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }
}
