package org.opencdp.caller;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MeResourceTest {

    @Test
    void aUserTokenIsReadAsThePersonWithTheirRealmRoles() {
        given().auth()
                .oauth2(TestTokens.user("jane", "sales", "service"))
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("name", equalTo("jane"))
                .body("kind", equalTo("USER"))
                .body("roles", contains("sales", "service"))
                .body("service", equalTo("caller-test"));
    }

    @Test
    void aServiceAccountIsNamedByItsClientId() {
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("name", equalTo("retention-service"))
                .body("kind", equalTo("SERVICE"))
                .body("roles", contains("svc-retention"));
    }

    @Test
    void aShopSystemIsAServiceNamedByItsClientId() {
        given().auth()
                .oauth2(TestTokens.shop("shop-backend"))
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("name", equalTo("shop-backend"))
                .body("kind", equalTo("SERVICE"))
                .body("roles", contains("svc-shop"));
    }

    @Test
    void aTokenMeantForAnotherServiceGets401AsAProblem() {
        given().auth()
                .oauth2(TestTokens.forRole("sales", "profile-service"))
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:unauthorized"));
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service", "behaviour-service"))
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void noTokenGets401AsAProblemWithTheBearerChallenge() {
        given().when()
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("type", equalTo("urn:opencdp:problem:unauthorized"));
    }

    @Test
    void anExpiredTokenGets401AsAProblem() {
        given().auth()
                .oauth2(TestTokens.expired("sales"))
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenSignedByAnotherKeyGets401() {
        String token = TestTokens.forRole("sales");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth()
                .oauth2(forged)
                .when()
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
