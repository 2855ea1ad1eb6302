package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The customers' operations in the served OpenAPI document, which the generated clients are made from: their
 * operationIds, the problem responses each has (and does not have), and what the resource keeps for itself.
 * What every service's document shares is checked by ServiceBaselineTest.
 */
@QuarkusTest
@WithPostgres
class CustomerOpenApiTest {

    private static final String ONE = "paths.'/api/v1/customers/{id}'";
    private static final String ALL = "paths.'/api/v1/customers'";

    @Test
    void everyCustomerOperationHasItsStableOperationId() {
        JsonPath document = document();
        assertThat(document.getString(ALL + ".post.operationId")).isEqualTo("createCustomer");
        assertThat(document.getString(ALL + ".get.operationId")).isEqualTo("searchCustomers");
        assertThat(document.getString("paths.'/api/v1/customers/batch'.post.operationId"))
                .isEqualTo("createCustomers");
        assertThat(document.getString(ONE + ".get.operationId")).isEqualTo("getCustomer");
        assertThat(document.getString(ONE + ".put.operationId")).isEqualTo("replaceCustomer");
        assertThat(document.getString(ONE + ".patch.operationId")).isEqualTo("patchCustomer");
        assertThat(document.getString(ONE + ".delete.operationId")).isEqualTo("deleteCustomer");
    }

    @Test
    void aReplacementHasEveryProblemItCanMeetAndTheResourcesOwnConflictAndStaleExample() {
        JsonPath document = document();
        assertThat(document.getMap(ONE + ".put.responses"))
                .containsOnlyKeys("200", "400", "401", "403", "404", "409", "412", "413", "422", "428");
        assertThat(document.getString(ONE + ".put.responses.409.description"))
                .isEqualTo("Processing of the customer is restricted (GDPR Art. 18)");
        assertThat(problemExample(document, ONE + ".put.responses.409", "conflict"))
                .containsEntry("detail", "Processing of the customer is restricted (GDPR Art. 18).");
        assertThat(problemExample(document, ONE + ".put.responses.412", "stale"))
                .containsEntry("type", "urn:opencdp:problem:precondition-failed");
        assertThat(document.getString(ONE + ".put.responses.413.description"))
                .isEqualTo("The body is larger than this service accepts (256KB)");
        assertThat(problemBody(document, ONE + ".put.responses.428").get("schema"))
                .isEqualTo(Map.of("$ref", "#/components/schemas/Problem"));
    }

    @Test
    void aSearchHasNoNotFoundAndNoBodyProblemsButItsBulkReadLimit() {
        JsonPath document = document();
        assertThat(document.getMap(ALL + ".get.responses")).containsOnlyKeys("200", "400", "401", "403", "429");
        assertThat(document.getString(ALL + ".get.responses.429.headers.Retry-After.schema.type"))
                .isEqualTo("integer");
        assertThat(document.getString(ALL + ".get.responses.400.description"))
                .isEqualTo("No criterion, an invalid phone number, cursor or limit over 100");
    }

    @Test
    void theETagAndLocationHeadersHaveSchemas() {
        JsonPath document = document();
        assertThat(document.getString(ALL + ".post.responses.201.headers.ETag.schema.type"))
                .isEqualTo("string");
        assertThat(document.getString(ALL + ".post.responses.201.headers.Location.schema.type"))
                .isEqualTo("string");
        assertThat(document.getString(ONE + ".get.responses.200.headers.ETag.schema.type"))
                .isEqualTo("string");
    }

    private static JsonPath document() {
        return given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> problemBody(JsonPath document, String response) {
        Map<String, Map<String, Object>> content = document.getMap(response + ".content");
        return content.get("application/problem+json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> problemExample(JsonPath document, String response, String name) {
        Map<String, Map<String, Object>> examples = (Map<String, Map<String, Object>>)
                problemBody(document, response).get("examples");
        return (Map<String, Object>) examples.get(name).get("value");
    }
}
