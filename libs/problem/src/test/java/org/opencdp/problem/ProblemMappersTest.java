package org.opencdp.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProblemMappersTest {

    @Test
    void malformedJsonIsA400ProblemWithTheLocation() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"Jane\",, }")
                .when()
                .post("/problem-test/people")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:malformed-json"))
                .body("title", equalTo("Malformed JSON"))
                .body("status", equalTo(400))
                .body("detail", containsString("line 1"))
                .body("instance", equalTo("/problem-test/people"));
    }

    @Test
    void unknownFieldIsNamedAndRejected() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Jane\",\"emails\":[],\"id\":\"42\"}")
                .when()
                .post("/problem-test/people")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:validation"))
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].message", containsString("unknown field"));
    }

    @Test
    void anUnknownSubtypeNamesTheTypePropertyAndTheAllowedValues() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Jane\",\"pets\":[{\"kind\":\"ROBOT\",\"name\":\"R2\"}]}")
                .when()
                .post("/problem-test/owners")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("pets[0].kind"))
                .body("errors[0].message", equalTo("must be one of [CAT, DOG]"));
    }

    @Test
    void wrongTypeNamesTheNestedFieldWithoutEchoingTheValue() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Jane\",\"emails\":[],\"birthDate\":\"31.12.1990\"}")
                .when()
                .post("/problem-test/people")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("birthDate"))
                .body("errors[0].message", containsString("date"))
                .body(not(containsString("31.12.1990")));
    }

    @Test
    void beanValidationListsEveryInvalidFieldByItsJsonPath() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\" \",\"emails\":[{\"address\":\"not-an-email\"}],\"aliases\":[\"x\"]}")
                .when()
                .post("/problem-test/people")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("3 fields are invalid"))
                .body("errors", hasSize(3))
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.containsInAnyOrder("name", "emails[0].address", "aliases[0]"))
                .body(not(containsString("not-an-email")));
    }

    @Test
    void invalidQueryParameterIsNamed() {
        given().queryParam("size", 1000)
                .when()
                .get("/problem-test/page")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void businessRuleBecomesItsStatus() {
        given().when()
                .get("/problem-test/conflict")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:conflict"))
                .body("detail", equalTo("The customer was changed by someone else."));
    }

    @Test
    void unknownPathIsA404Problem() {
        given().when()
                .get("/problem-test/nowhere")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:not-found"));
    }

    @Test
    void wrongMethodIsA405ProblemThatKeepsTheAllowHeader() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .put("/problem-test/people")
                .then()
                .statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void unexpectedFailureHidesItsMessageAndGivesAReference() {
        given().when()
                .get("/problem-test/crash")
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:internal"))
                .body("detail", containsString("reference"))
                .body(not(containsString("jane@example.org")))
                .body(not(containsString("IllegalStateException")))
                .body("instance", notNullValue());
    }
}
