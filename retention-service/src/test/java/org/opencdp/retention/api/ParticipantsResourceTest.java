package org.opencdp.retention.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;

/**
 * In this test retention-service is the only participant that runs (it calls itself over HTTP with its service
 * token); the other four point at a closed port, so they must be reported as unreachable, not fail the call.
 */
@QuarkusTest
@WithPostgres
class ParticipantsResourceTest {

    @Test
    void theDpoSeesWhichServicesAnswerAndWhichAreDown() {
        given().auth()
                .oauth2(TestTokens.forRole("dpo"))
                .when()
                .get("/api/v1/participants")
                .then()
                .statusCode(200)
                .body("", hasSize(5))
                .body("find { it.participant == 'retention' }.result.service", equalTo("retention-service"))
                .body("find { it.participant == 'retention' }.result.contractVersion", equalTo("1"))
                .body("find { it.participant == 'profile' }.error", startsWith("unreachable"));
    }

    @Test
    void otherRolesMayNotAndATokenIsRequired() {
        given().when().get("/api/v1/participants").then().statusCode(401);
        for (String role : new String[] {"sales", "service", "marketing", "analyst"}) {
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .when()
                    .get("/api/v1/participants")
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(TestTokens.serviceAccount("profile-service"))
                .when()
                .get("/api/v1/participants")
                .then()
                .statusCode(403);
    }
}
