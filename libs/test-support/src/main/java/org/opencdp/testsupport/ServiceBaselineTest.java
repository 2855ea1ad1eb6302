package org.opencdp.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.path.json.JsonPath;

/**
 * What every OpenCDP service offers operators and frontend teams, checked the same way in each: health and metrics
 * on the management port (not on the API port), the security headers, an OpenAPI document whose every operation has
 * an operationId, security and its problem responses (added by libs/openapi's ProblemResponsesFilter), the Swagger UI
 * outside dev mode, and problem+json for unknown paths. A service's test extends it and is annotated
 * {@code @QuarkusTest}; it needs nothing else, not even another test in the service: every service has a database,
 * so the class declares {@link WithPostgres} itself.
 */
@WithPostgres
public abstract class ServiceBaselineTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void healthLivenessAndReadinessAreUpOnTheManagementPort() {
        given().baseUri(managementUri())
                .when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().baseUri(managementUri())
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void metricsArePublishedForPrometheusOnTheManagementPort() {
        given().baseUri(managementUri())
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    /**
     * What the Grafana dashboards and alerts of helm/opencdp read besides each service's own metrics (the chart's
     * MonitoringTest keeps the whole list): latency buckets of the requests served (libs/service-defaults'
     * RequestLatencyBuckets) and the gauges of both connection pools, the data's and the keys'.
     */
    @Test
    void metricsTheDashboardsReadArePublished() {
        given().auth()
                .oauth2(TestTokens.forRole("analyst"))
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200);
        given().baseUri(managementUri())
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("agroal_active_count{datasource=\"default\""))
                .body(containsString("agroal_active_count{datasource=\"keys\""))
                .body(containsString("agroal_awaiting_count{datasource=\"default\""))
                .body(containsString("agroal_max_used_count{datasource=\"default\""))
                .body(containsString("agroal_available_count{datasource=\"default\""))
                .body(containsString("jvm_memory_max_bytes{"))
                .body(containsString("process_cpu_usage"));
    }

    /** Callers and other services reach the API port only: what operators watch is not served there. */
    @Test
    void theApiPortServesNeitherMetricsNorHealth() {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/health").then().statusCode(404);
    }

    /** API answers carry personal data: no cache may keep them and no browser may sniff or frame them. */
    @Test
    void apiAnswersCarryTheSecurityHeaders() {
        given().auth()
                .oauth2(TestTokens.forRole("analyst"))
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
        given().when()
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void swaggerUiIsServedOutsideDevMode() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void openApiDeclaresTheRealmLoginAndDescribesEveryOperation() {
        JsonPath openapi = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(openapi.getString("components.securitySchemes.keycloak.type"))
                .isEqualTo("openIdConnect");
        assertThat(openapi.getMap("components.schemas")).containsKey("Problem");
        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");
        assertThat(paths).isNotEmpty();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!HTTP_METHODS.contains(method)) {
                return;
            }
            String where = method.toUpperCase() + " " + path;
            assertThat(operation.get("summary")).as("summary of %s", where).isNotNull();
            assertThat((String) operation.get("operationId"))
                    .as("operationId of %s", where)
                    .matches("[a-z][A-Za-z0-9]*");
            // Secured, or declared public with an empty list: never left open by omission.
            assertThat(operation).as("%s", where).containsKey("security");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            assertThat(responses).as("responses of %s", where).isNotNull();
            if (!((List<?>) operation.get("security")).isEmpty()) {
                assertThat(responses)
                        .as("responses of %s, which is secured", where)
                        .containsKeys("401", "403");
            }
            assertThat(responses.keySet()).as("a success response of %s", where).anyMatch(code -> code.startsWith("2"));
            if (path.contains("{")) {
                assertThat(responses)
                        .as("responses of %s, whose path has a parameter", where)
                        .containsKey("400");
            }
            if (operation.containsKey("requestBody")) {
                assertThat(responses)
                        .as("responses of %s, which takes a body", where)
                        .containsKeys("400", "413");
            }
            responses.forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    assertThat(response)
                            .as("%s of %s", code, where)
                            .extractingByKey("content")
                            .satisfies(content -> assertIsAProblem(content, code + " of " + where));
                }
            });
        }));
    }

    /** An error response's body: problem+json with the shared Problem schema and an example. */
    @SuppressWarnings("unchecked")
    private static void assertIsAProblem(Object content, String what) {
        assertThat((Map<String, Object>) content)
                .as("content of %s", what)
                .containsOnlyKeys("application/problem+json");
        Map<String, Object> problem =
                (Map<String, Object>) ((Map<String, Object>) content).get("application/problem+json");
        assertThat(problem)
                .as("%s", what)
                .extractingByKey("schema")
                .isEqualTo(Map.of("$ref", "#/components/schemas/Problem"));
        assertThat((Map<String, Object>) problem.get("examples"))
                .as("examples of %s", what)
                .isNotEmpty();
    }

    @Test
    void anUnknownPathIsA404Problem() {
        given().auth()
                .oauth2(TestTokens.forRole("sales"))
                .when()
                .get("/api/v1/no-such-resource")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    /**
     * The management interface's base URL in this test run, e.g. {@code http://localhost:41234} (its port is chosen
     * at random, like the API port's); paths below it start with {@code /q/}, as the Helm chart's probes name them.
     */
    protected static String managementUri() {
        return java.net
                .URI
                .create(TestHTTPResourceManager.getManagementUri())
                .resolve("/")
                .toString();
    }

    @Test
    void theCallerEndpointNeedsAToken() {
        given().when().get("/api/v1/me").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.forRole("analyst"))
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("roles[0]", equalTo("analyst"));
    }

    @Test
    void aTokenMeantForAnotherServiceIsRefused() {
        given().auth()
                .oauth2(TestTokens.forRole("sales", "another-service"))
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service", "another-service"))
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
