package org.opencdp.behaviour.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithPostgres
class SegmentResourceTest {

    private final UUID munichChampion = UUID.randomUUID();
    private final UUID hamburgChampion = UUID.randomUUID();

    /**
     * Two champions (bought three times, the most and the latest), one in postcode region 80, one in 20; eight
     * one-time customers in region 81 who bought little, long ago.
     */
    @BeforeEach
    void customers() {
        TestDatabase.execute("DELETE FROM customer_order");
        TestDatabase.execute("DELETE FROM segment");
        List<Map<String, Object>> orders = new ArrayList<>();
        Instant now = Instant.now();
        for (UUID champion : List.of(munichChampion, hamburgChampion)) {
            for (int i = 1; i <= 3; i++) {
                orders.add(Orders.order(
                        "SG-" + UUID.randomUUID(),
                        champion,
                        now.minus(i * 20L - 19, ChronoUnit.DAYS),
                        "SKU-1",
                        "coffee",
                        10,
                        "10.00"));
            }
        }
        ProfileEventsResourceTest.deliver(
                        ProfileEventsResourceTest.changed(munichChampion, "35-44", "DE", "80"),
                        ProfileEventsResourceTest.changed(hamburgChampion, "35-44", "DE", "20"))
                .then()
                .statusCode(200);
        for (int i = 0; i < 8; i++) {
            UUID other = UUID.randomUUID();
            ProfileEventsResourceTest.deliver(ProfileEventsResourceTest.changed(other, "25-34", "DE", "81"))
                    .then()
                    .statusCode(200);
            orders.add(Orders.order(
                    "SG-" + UUID.randomUUID(), other, now.minus(100 + i, ChronoUnit.DAYS), "SKU-2", "tea", 1, "5.00"));
        }
        Orders.importAll(orders);
        CustomerKpisTest.recompute();
    }

    private static Response create(Object body) {
        return given().auth()
                .oauth2(TestTokens.forRole("marketing"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/segments");
    }

    private static Map<String, Object> championsIn80To87() {
        return Map.of(
                "name",
                "champions 80-87",
                "criteria",
                List.of(
                        Map.of("type", "rfmSegment", "in", List.of("champions")),
                        Map.of("type", "postcodeRegion", "from", "80", "to", "87")));
    }

    @Test
    void championsInPostcodeRegions80To87() {
        String id = create(championsIn80To87())
                .then()
                .statusCode(201)
                .body("members", equalTo(1))
                .body("createdBy", equalTo("marketing.user"))
                .extract()
                .path("id");
        assertThat(TestDatabase.rows("SELECT subject_id FROM segment_member WHERE segment_id = ?::uuid", id))
                .extracting(r -> r.get("subject_id"))
                .containsExactly(munichChampion);
        create(championsIn80To87()).then().statusCode(409);

        create(Map.of(
                        "name",
                        "coffee lovers",
                        "criteria",
                        List.of(
                                Map.of("type", "boughtCategory", "category", "coffee", "withinDays", 30),
                                Map.of("type", "revenueAbove", "amount", 250))))
                .then()
                .statusCode(201)
                .body("members", equalTo(2));
    }

    /** consent-service cannot be reached in these tests: nothing is exported. */
    @Test
    void anExportNeedsConsentServicesDecisionAndFailsClosed() {
        String id = create(championsIn80To87()).then().statusCode(201).extract().path("id");
        given().auth()
                .oauth2(TestTokens.forRole("marketing"))
                .queryParam("purpose", "newsletter")
                .when()
                .get("/api/v1/segments/" + id + "/export")
                .then()
                .statusCode(503)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.forRole("marketing"))
                .when()
                .get("/api/v1/segments/" + id + "/export")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("purpose"));
    }

    @Test
    void badCriteriaAreA400AndNothingIsSaved() {
        create(Map.of("name", "bad", "criteria", List.of(Map.of("type", "rfmSegment", "in", List.of("whales")))))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("criteria[0].in"));
        create(Map.of("name", "bad", "criteria", List.of(Map.of("type", "everyone"))))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        create(Map.of("name", "bad", "criteria", List.of())).then().statusCode(400);
        assertThat(TestDatabase.count("SELECT count(*) FROM segment WHERE name = 'bad'"))
                .isZero();
    }

    @Test
    void refreshListAndDelete() {
        String id = create(championsIn80To87()).then().statusCode(201).extract().path("id");
        ProfileEventsResourceTest.deliver(ProfileEventsResourceTest.changed(hamburgChampion, "35-44", "DE", "85"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.forRole("marketing"))
                .when()
                .post("/api/v1/segments/" + id + "/refresh")
                .then()
                .statusCode(200)
                .body("members", equalTo(2));
        given().auth()
                .oauth2(TestTokens.forRole("analyst"))
                .when()
                .get("/api/v1/segments")
                .then()
                .statusCode(200)
                .body("name", hasItem("champions 80-87"));
        given().auth()
                .oauth2(TestTokens.forRole("marketing"))
                .when()
                .delete("/api/v1/segments/" + id)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(TestTokens.forRole("marketing"))
                .when()
                .get("/api/v1/segments/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void onlyMarketingManagesAndExportsSegments() {
        String id = create(championsIn80To87()).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON)
                .body(championsIn80To87())
                .when()
                .post("/api/v1/segments")
                .then()
                .statusCode(401);
        given().when().get("/api/v1/segments").then().statusCode(401);
        given().when().get("/api/v1/segments/" + id).then().statusCode(401);
        given().when().post("/api/v1/segments/" + id + "/refresh").then().statusCode(401);
        given().when().delete("/api/v1/segments/" + id).then().statusCode(401);
        given().when().get("/api/v1/segments/" + id + "/export").then().statusCode(401);
        for (String token : List.of(
                TestTokens.forRole("sales"),
                TestTokens.forRole("analyst"),
                TestTokens.forRole("admin"),
                TestTokens.shop(Orders.SHOP))) {
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(championsIn80To87())
                    .when()
                    .post("/api/v1/segments")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .when()
                    .post("/api/v1/segments/" + id + "/refresh")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .when()
                    .delete("/api/v1/segments/" + id)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .queryParam("purpose", "newsletter")
                    .when()
                    .get("/api/v1/segments/" + id + "/export")
                    .then()
                    .statusCode(403);
        }
        for (String token : List.of(TestTokens.forRole("sales"), TestTokens.forRole("admin"))) {
            given().auth().oauth2(token).when().get("/api/v1/segments").then().statusCode(403);
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/v1/segments/" + id)
                    .then()
                    .statusCode(403);
        }
    }
}
