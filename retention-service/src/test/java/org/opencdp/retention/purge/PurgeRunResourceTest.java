package org.opencdp.retention.purge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.opencdp.retention.purge.PurgeRunTest.BASE;
import static org.opencdp.retention.purge.PurgeRunTest.asDpo;
import static org.opencdp.retention.purge.PurgeRunTest.start;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Roles and bad input, with the clock fixed as in production: a real run purges as of now only. */
@QuarkusTest
@WithPostgres
@TestProfile(PurgeRunResourceTest.AsInProduction.class)
class PurgeRunResourceTest {

    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opencdp.retention.purge.allow-as-of", "false");
        }
    }

    @Test
    void aRealRunWithAnotherCutoffIsRefusedAndNothingStored() {
        long runs = TestDatabase.count("SELECT count(*) FROM purge_run");
        start(Map.of("dryRun", false, "asOf", "2030-01-01T00:00:00Z"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
        assertThat(TestDatabase.count("SELECT count(*) FROM purge_run")).isEqualTo(runs);
    }

    @Test
    void aDryRunMayPreviewAnyCutoffAndServicesThatAreDownAreReported() {
        start(Map.of("dryRun", true, "asOf", "2030-01-01T00:00:00Z"))
                .statusCode(201)
                .body("asOf", equalTo("2030-01-01T00:00:00Z"))
                .body("outcome", equalTo("PARTIAL"))
                .body("services.find { it.participant == 'profile' }.status", equalTo("FAILED"))
                .body(
                        "services.find { it.participant == 'profile' }.lastError",
                        org.hamcrest.Matchers.startsWith("unreachable"));
    }

    @Test
    void badInputIsRefusedAndNothingStored() {
        long runs = TestDatabase.count("SELECT count(*) FROM purge_run");
        start(Map.of()).statusCode(400).contentType("application/problem+json");
        start(Map.of("dryRun", true, "asOf", "next tuesday")).statusCode(400);
        asDpo().body("[]").when().post(BASE).then().statusCode(400);
        asDpo().when().post(BASE).then().statusCode(400);
        assertThat(TestDatabase.count("SELECT count(*) FROM purge_run")).isEqualTo(runs);
        asDpo().when().get(BASE + "/not-a-run").then().statusCode(400);
        asDpo().when().get(BASE + "?limit=0").then().statusCode(400);
        asDpo().when().post(BASE + "/" + UUID.randomUUID() + "/retry").then().statusCode(404);
    }

    @Test
    void onlyTheDpoStartsAndReadsRuns() {
        given().contentType(ContentType.JSON)
                .body(Map.of("dryRun", true))
                .when()
                .post(BASE)
                .then()
                .statusCode(401);
        given().when().get(BASE).then().statusCode(401);
        for (String role : new String[] {"sales", "service", "marketing", "analyst", "admin"}) {
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .contentType(ContentType.JSON)
                    .body(Map.of("dryRun", true))
                    .when()
                    .post(BASE)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(TestTokens.forRole(role))
                    .when()
                    .get(BASE)
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON)
                .body(Map.of("dryRun", true))
                .when()
                .post(BASE)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.forRole("admin"))
                .when()
                .post(BASE + "/" + UUID.randomUUID() + "/retry")
                .then()
                .statusCode(403);
    }
}
