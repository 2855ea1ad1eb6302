package org.opencdp.retention.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencdp.subjectrights.RetentionCategories;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithPostgres
class RetentionPolicyResourceTest {

    static final String BASE = "/api/v1/retention-policies";

    /**
     * The shipped policies are exactly the categories services may name (libs/subject-rights); each service's
     * subject-rights contract test checks its declarations against the same list, so no declared category lacks a
     * policy.
     */
    static final List<String> CATEGORIES =
            RetentionCategories.ALL.stream().sorted().toList();

    @Test
    void theGermanDefaultsAreShippedForEveryCategoryAndMarkedForReview() {
        as("admin")
                .when()
                .get(BASE)
                .then()
                .statusCode(200)
                .body("category", equalTo(CATEGORIES))
                .body("find { it.category == 'booking-vouchers' }.period", equalTo("P8Y"))
                .body("find { it.category == 'booking-vouchers' }.roundToEndOfYear", equalTo(true))
                .body("find { it.category == 'booking-vouchers' }.legalReference", containsString("AO §147"))
                .body("find { it.category == 'commercial-letters' }.period", equalTo("P6Y"))
                .body("find { it.category == 'books-and-annual-statements' }.period", equalTo("P10Y"))
                .body("find { it.category == 'consent-proofs' }.legalReference", containsString("BGB §§195, 199"))
                .body("find { it.category == 'tracking-raw-events' }.period", equalTo("P13M"))
                .body("find { it.category == 'tracking-raw-events' }.roundToEndOfYear", equalTo(false));
        // Other tests here put new versions of some categories; the shipped ones are version 1.
        assertThat(TestDatabase.count("""
                        SELECT count(*) FROM retention_policy_version
                         WHERE version = 1 AND review_with_legal_counsel AND changed_by = 'system:shipped-defaults'""")).isEqualTo(CATEGORIES.size());
    }

    @Test
    void aChangeAppendsAVersionAndTheHistoryStaysReadable() {
        int before = currentVersion("call-records");
        as("dpo")
                .header("If-Match", "\"" + before + "\"")
                .body(input("P3M"))
                .when()
                .put(BASE + "/call-records")
                .then()
                .statusCode(200)
                .header("ETag", "\"" + (before + 1) + "\"")
                .body("version", equalTo(before + 1))
                .body("period", equalTo("P3M"))
                .body("changedBy", equalTo("jana.weber"));
        as("dpo")
                .when()
                .get(BASE + "/call-records")
                .then()
                .statusCode(200)
                .header("ETag", "\"" + (before + 1) + "\"")
                .body("period", equalTo("P3M"))
                .body("versions", hasSize(before + 1))
                .body("versions[0].version", equalTo(before + 1))
                .body("versions[-1].version", equalTo(1))
                .body("versions[-1].period", equalTo("P6M"))
                .body("versions[-1].changedBy", equalTo("system:shipped-defaults"));
        as("admin").when().get(BASE).then().body("find { it.category == 'call-records' }.period", equalTo("P3M"));
    }

    @Test
    void aStaleOrMissingIfMatchChangesNothing() {
        int before = currentVersion("abandoned-carts");
        as("dpo")
                .body(input("P30D"))
                .when()
                .put(BASE + "/abandoned-carts")
                .then()
                .statusCode(428);
        as("dpo")
                .header("If-Match", "\"" + (before + 7) + "\"")
                .body(input("P30D"))
                .when()
                .put(BASE + "/abandoned-carts")
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        assertThat(currentVersion("abandoned-carts")).isEqualTo(before);
    }

    @Test
    void aPeriodOfZeroOrLessOrNoPeriodAtAllIsRefusedAndNothingStored() {
        long versions = versionsStored();
        int current = currentVersion("audit-trail");
        for (String period : new String[] {"P0D", "P-1Y", "P1Y-13M", "three years", ""}) {
            as("dpo")
                    .header("If-Match", "\"" + current + "\"")
                    .body(input(period))
                    .when()
                    .put(BASE + "/audit-trail")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        Map<String, Object> noStartEvent = input("P1Y");
        noStartEvent.remove("startEvent");
        as("dpo")
                .header("If-Match", "\"" + current + "\"")
                .body(noStartEvent)
                .when()
                .put(BASE + "/audit-trail")
                .then()
                .statusCode(400);
        assertThat(versionsStored()).isEqualTo(versions);
    }

    @Test
    void anUnknownCategoryIsA404() {
        as("dpo").when().get(BASE + "/shoe-sizes").then().statusCode(404).contentType("application/problem+json");
        as("dpo")
                .header("If-Match", "\"1\"")
                .body(input("P1Y"))
                .when()
                .put(BASE + "/shoe-sizes")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyTheDpoChangesAndOnlyTheDpoAndAdminsRead() {
        given().when().get(BASE).then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(input("P1Y"))
                .when()
                .put(BASE + "/call-records")
                .then()
                .statusCode(401);
        for (String role : new String[] {"sales", "service", "marketing", "analyst"}) {
            as(role).when().get(BASE).then().statusCode(403);
            as(role).when().get(BASE + "/call-records").then().statusCode(403);
        }
        given().auth()
                .oauth2(TestTokens.serviceAccount("profile-service"))
                .when()
                .get(BASE)
                .then()
                .statusCode(403);
        int before = currentVersion("call-records");
        as("admin")
                .header("If-Match", "\"" + before + "\"")
                .body(input("P1Y"))
                .when()
                .put(BASE + "/call-records")
                .then()
                .statusCode(403);
        assertThat(currentVersion("call-records")).isEqualTo(before);
    }

    static int currentVersion(String category) {
        return as("dpo")
                .when()
                .get(BASE + "/" + category)
                .then()
                .statusCode(200)
                .extract()
                .path("version");
    }

    private static long versionsStored() {
        return TestDatabase.count("SELECT count(*) FROM retention_policy_version");
    }

    static Map<String, Object> input(String period) {
        Map<String, Object> body = new HashMap<>();
        body.put("period", period);
        body.put("startEvent", "the call ended");
        body.put("roundToEndOfYear", false);
        body.put("legalReference", "GDPR Art. 5(1)(e)");
        body.put("reviewWithLegalCounsel", false);
        body.put("reviewNote", "Confirmed by counsel");
        return body;
    }

    static RequestSpecification as(String role) {
        String token = role.equals("dpo") ? TestTokens.user("jana.weber", "dpo") : TestTokens.forRole(role);
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
