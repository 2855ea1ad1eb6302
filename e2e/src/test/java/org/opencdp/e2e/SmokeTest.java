package org.opencdp.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencdp.localstack.DemoShop;
import org.opencdp.localstack.DemoUser;
import org.opencdp.localstack.Service;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The suite as `make run` starts it: every demo login works at Keycloak, every service accepts its tokens and sees
 * its role, only the dpo reads the audit trail, nobody gets in without a token, and the service accounts are
 * recognised as services where they may call and refused where they may not: a token is accepted only by the
 * service it is meant for (its audience).
 */
@WithLocalSuite
class SmokeTest {

    private static E2eSuite suite;
    private static Keycloak keycloak;
    /** One login per user for the whole class: tokens live five minutes, far longer than these tests. */
    private static final Map<DemoUser, String> TOKENS = new ConcurrentHashMap<>();

    @BeforeAll
    static void connect(E2eSuite started) {
        suite = started;
        keycloak = started.keycloak();
    }

    @ParameterizedTest(name = "{0} logs in with the demo password and the token names them and only their role")
    @EnumSource(DemoUser.class)
    void eachDemoUserLogsInAndTheTokenCarriesOnlyTheirRole(DemoUser user) {
        JsonPath claims = Keycloak.claims(keycloak.login(user));

        assertThat(claims.getString("preferred_username")).isEqualTo(user.username());
        assertThat(claims.getString("azp")).isEqualTo(Keycloak.FRONTEND_CLIENT);
        assertThat(claims.getList("realm_access.roles", String.class)).containsExactly(user.role());
        assertThat(claims.getList("aud", String.class))
                .as("a frontend token is meant for every service")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Service.values())
                        .map(Service::serviceName)
                        .toList());
    }

    @ParameterizedTest(name = "{1} knows {0} by name and role")
    @MethodSource("everyUserAtEveryService")
    void everyServiceKnowsEveryDemoUserByNameAndRole(DemoUser user, Service service) {
        JsonPath me = get(service, "/api/v1/me", token(user), 200, "as " + user.username())
                .jsonPath();

        assertThat(me.getString("service")).isEqualTo(service.serviceName());
        assertThat(me.getString("name")).isEqualTo(user.username());
        assertThat(me.getString("kind")).isEqualTo("USER");
        assertThat(me.getList("roles", String.class)).containsExactly(user.role());
    }

    @ParameterizedTest(name = "{1} shows the audit trail of a subject to {0}: {2}")
    @MethodSource("auditTrailAnswers")
    void onlyTheDpoReadsTheAuditTrailOfEveryService(DemoUser user, Service service, int expectedStatus) {
        get(
                service,
                "/api/v1/audit/subjects/" + UUID.randomUUID(),
                token(user),
                expectedStatus,
                "as " + user.username());
    }

    @ParameterizedTest(name = "{0} refuses a call without a token")
    @EnumSource(Service.class)
    void everyServiceRefusesACallWithoutAToken(Service service) {
        get(service, "/api/v1/me", null, 401, "without a token");
        get(service, "/api/v1/audit/subjects/" + UUID.randomUUID(), null, 401, "without a token");
    }

    @ParameterizedTest(name = "{1} recognises the service account of {0} as a service, with a token meant for {1}")
    @MethodSource("everyServiceAccountAndTheServicesItCalls")
    void eachServiceAccountReachesTheServicesItCallsWithATokenMeantForThem(Service account, Service service) {
        JsonPath me = get(
                        service,
                        "/api/v1/me",
                        keycloak.serviceToken(account, service),
                        200,
                        "as the service account of " + account.serviceName())
                .jsonPath();

        assertThat(me.getString("kind")).isEqualTo("SERVICE");
        assertThat(me.getString("name")).isEqualTo(account.serviceName());
        assertThat(me.getList("roles", String.class)).containsExactly(account.serviceAccountRole());
    }

    @ParameterizedTest(name = "the realm gives the service account of {0} no token for {1}, which it does not call")
    @MethodSource("everyServiceAccountAndTheServicesItDoesNotCall")
    void aServiceAccountGetsNoTokenForAServiceItDoesNotCall(Service account, Service service) {
        keycloak.clientCredentials(account.serviceName(), account.localClientSecret(), service.serviceName())
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_scope"));
    }

    @ParameterizedTest(name = "{0} refuses profile-service's token meant for behaviour-service")
    @EnumSource(value = Service.class, names = "BEHAVIOUR", mode = EnumSource.Mode.EXCLUDE)
    void aServiceAccountTokenMeantForBehaviourServiceIsRefusedByEveryOtherService(Service service) {
        String forBehaviour = keycloak.serviceToken(Service.PROFILE, Service.BEHAVIOUR);

        get(Service.BEHAVIOUR, "/api/v1/me", forBehaviour, 200, "with a token meant for it");
        get(service, "/api/v1/me", forBehaviour, 401, "with a token meant for behaviour-service");
    }

    @ParameterizedTest(name = "{0} refuses a service account token that names no audience")
    @EnumSource(Service.class)
    void aServiceAccountTokenWithoutAudienceIsRefusedEverywhere(Service service) {
        String noAudience = keycloak.clientCredentials(
                        Service.RETENTION.serviceName(), Service.RETENTION.localClientSecret(), null)
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");

        assertThat(Keycloak.claims(noAudience).getString("aud")).isNull();
        get(service, "/api/v1/me", noAudience, 401, "with a token meant for no service");
    }

    @ParameterizedTest(name = "the demo shop reaches {0} as a service with svc-shop")
    @MethodSource("theServicesAShopCalls")
    void theDemoShopReachesTheServicesAShopCalls(Service service) {
        JsonPath me = get(service, "/api/v1/me", keycloak.shopToken(service), 200, "as the demo shop")
                .jsonPath();

        assertThat(me.getString("kind")).isEqualTo("SERVICE");
        assertThat(me.getString("name")).isEqualTo(DemoShop.CLIENT_ID);
        assertThat(me.getList("roles", String.class)).containsExactly(DemoShop.ROLE);
    }

    @ParameterizedTest(name = "the realm gives the demo shop no token for {0}")
    @MethodSource("theServicesAShopDoesNotCall")
    void theDemoShopGetsNoTokenForTheOtherServices(Service service) {
        keycloak.clientCredentials(DemoShop.CLIENT_ID, DemoShop.SECRET, service.serviceName())
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_scope"));
    }

    static Stream<Arguments> everyUserAtEveryService() {
        return Arrays.stream(DemoUser.values())
                .flatMap(user -> Arrays.stream(Service.values()).map(service -> Arguments.of(user, service)));
    }

    static Stream<Arguments> auditTrailAnswers() {
        return everyUserAtEveryService()
                .map(Arguments::get)
                .map(args -> Arguments.of(args[0], args[1], args[0] == DemoUser.DPO ? 200 : 403));
    }

    static Stream<Arguments> everyServiceAccountAndTheServicesItCalls() {
        return Arrays.stream(Service.values())
                .flatMap(account -> account.calls().stream().map(service -> Arguments.of(account, service)));
    }

    static Stream<Arguments> everyServiceAccountAndTheServicesItDoesNotCall() {
        return Arrays.stream(Service.values())
                .flatMap(account -> Arrays.stream(Service.values())
                        .filter(service -> !account.calls().contains(service))
                        .map(service -> Arguments.of(account, service)));
    }

    static Stream<Service> theServicesAShopCalls() {
        return DemoShop.calls().stream();
    }

    static Stream<Service> theServicesAShopDoesNotCall() {
        return Arrays.stream(Service.values())
                .filter(service -> !DemoShop.calls().contains(service));
    }

    /** GET with a bearer token (or none); a wrong status fails with a sentence naming the call. */
    private static Response get(Service service, String path, String token, int expectedStatus, String caller) {
        RequestSpecification request = token == null ? given() : given().auth().oauth2(token);
        Response response = request.when().get(suite.url(service) + path);
        assertThat(response.statusCode())
                .as("GET %s%s %s (body: %.300s)", service.serviceName(), path, caller, response.asString())
                .isEqualTo(expectedStatus);
        return response;
    }

    private static String token(DemoUser user) {
        return TOKENS.computeIfAbsent(user, keycloak::login);
    }
}
