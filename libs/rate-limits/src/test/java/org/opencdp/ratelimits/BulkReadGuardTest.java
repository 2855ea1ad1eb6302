package org.opencdp.ratelimits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestTokens;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** The limit of the test group is 3 calls an hour (src/test/resources/application.properties). */
@QuarkusTest
class BulkReadGuardTest {

    @Inject
    MeterRegistry registry;

    @Test
    void theCallAfterTheLimitGets429WithRetryAfterAsAProblem() {
        String token = TestTokens.user("alice", "sales");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/test/guarded").then().statusCode(200);
        }
        String retryAfter = given().auth()
                .oauth2(token)
                .when()
                .get("/test/guarded")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:opencdp:problem:too-many-requests"))
                .body("status", equalTo(429))
                .body("instance", equalTo("/test/guarded"))
                .body("detail", containsString("Try again in"))
                .extract()
                .header("Retry-After");
        // 3 calls an hour refill one every 20 minutes.
        assertThat(Long.parseLong(retryAfter)).isBetween(1100L, 1200L);
    }

    @Test
    void anotherCallerIsUnaffected() {
        String busy = TestTokens.user("bob", "sales");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(busy).when().get("/test/guarded").then().statusCode(200);
        }
        given().auth().oauth2(busy).when().get("/test/guarded").then().statusCode(429);

        given().auth()
                .oauth2(TestTokens.user("carla", "sales"))
                .when()
                .get("/test/guarded")
                .then()
                .statusCode(200);
    }

    @Test
    void theEndpointsOfOneGroupShareTheAllowance() {
        String token = TestTokens.user("dora", "sales");
        given().auth().oauth2(token).when().get("/test/guarded").then().statusCode(200);
        given().auth().oauth2(token).when().get("/test/guarded/other").then().statusCode(200);
        given().auth().oauth2(token).when().get("/test/guarded").then().statusCode(200);
        given().auth().oauth2(token).when().get("/test/guarded/other").then().statusCode(429);
    }

    @Test
    void callsTheRoleRuleRefusesUseUpNothing() {
        for (int i = 0; i < 5; i++) {
            given().auth()
                    .oauth2(TestTokens.user("erik", "analyst"))
                    .when()
                    .get("/test/guarded")
                    .then()
                    .statusCode(403);
            given().when().get("/test/guarded").then().statusCode(401);
        }
        String token = TestTokens.user("erik", "sales");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/test/guarded").then().statusCode(200);
        }
    }

    @Test
    void eachRefusalIsCountedWithTheCallersName() {
        String token = TestTokens.user("fiona", "sales");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).when().get("/test/guarded");
        }
        Counter refused = registry.find(BulkReadGuard.REFUSED_METRIC)
                .tag("caller", "fiona")
                .tag("group", "test-search")
                .counter();
        assertThat(refused).isNotNull();
        assertThat(refused.count()).isEqualTo(2.0);
    }

    @Test
    void aServiceAccountHasAnAllowanceOfItsOwnEvenBesideAPersonOfTheSameName() {
        String person = TestTokens.user("retention-service", "sales");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(person).when().get("/test/guarded").then().statusCode(200);
        }
        given().auth().oauth2(person).when().get("/test/guarded").then().statusCode(429);

        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .when()
                .get("/test/guarded")
                .then()
                .statusCode(200);
    }

    @Test
    void aGroupWithoutAConfiguredLimitIsRefusedNeverOpen() {
        given().auth()
                .oauth2(TestTokens.user("gina", "sales"))
                .when()
                .get("/test/guarded/unconfigured")
                .then()
                .statusCode(500)
                .contentType("application/problem+json");
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(TokenBuckets.retryAfterSeconds(0)).isEqualTo(1);
        assertThat(TokenBuckets.retryAfterSeconds(1)).isEqualTo(1);
        assertThat(TokenBuckets.retryAfterSeconds(1_000_000_000L)).isEqualTo(1);
        assertThat(TokenBuckets.retryAfterSeconds(1_000_000_001L)).isEqualTo(2);
    }
}
