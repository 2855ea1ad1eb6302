package org.opencdp.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.PostgresTestResource;
import org.opencdp.testsupport.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ServiceStartsTest {

    @Test
    void healthIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void meWorks() {
        given().auth().oauth2(TestTokens.forRole("sales")).when().get("/api/v1/me").then().statusCode(200)
                .body("service", equalTo("profile-service"));
    }
}
