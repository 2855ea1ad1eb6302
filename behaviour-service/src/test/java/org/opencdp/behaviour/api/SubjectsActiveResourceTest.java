package org.opencdp.behaviour.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The activity check profile-service's retention of inactive profiles asks (libs/subject-rights
 * {@code SubjectActivityApi}): an order placed or a cart changed at or after {@code since} makes a customer active.
 */
@QuarkusTest
@WithPostgres
class SubjectsActiveResourceTest {

    private static final String PATH = "/api/v1/subjects/activity";
    private static final String SINCE = "2024-01-01T00:00:00Z";

    @Test
    void anOrderOrACartChangeSinceTheMomentMakesACustomerActive() {
        UUID orderedSince = ordered("2024-03-01T10:00:00Z");
        UUID orderedAtTheMoment = ordered(SINCE);
        UUID orderedBefore = ordered("2023-12-31T23:59:59Z");
        UUID cartSince = cartChangedAt("2024-02-01T08:00:00Z");
        UUID cartBefore = cartChangedAt("2023-06-01T08:00:00Z");
        UUID unknown = UUID.randomUUID();

        List<String> active = ask(
                        TestTokens.serviceAccount("profile-service"),
                        Map.of(
                                "subjectIds",
                                List.of(
                                        orderedSince,
                                        orderedAtTheMoment,
                                        orderedBefore,
                                        cartSince,
                                        cartBefore,
                                        unknown),
                                "since",
                                SINCE))
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("activeSubjectIds", String.class);

        assertThat(active)
                .containsExactlyInAnyOrder(
                        orderedSince.toString(), orderedAtTheMoment.toString(), cartSince.toString());
    }

    @Test
    void onlyProfileServiceMayAsk() {
        Map<String, Object> query = Map.of("subjectIds", List.of(UUID.randomUUID()), "since", SINCE);
        given().contentType(ContentType.JSON)
                .body(query)
                .when()
                .post(PATH)
                .then()
                .statusCode(401);
        for (String token : List.of(
                TestTokens.forRole("sales"),
                TestTokens.forRole("dpo"),
                TestTokens.serviceAccount("retention-service"),
                TestTokens.serviceAccount("tracking-service"),
                TestTokens.shop("shop-backend"))) {
            ask(token, query).statusCode(403);
        }
    }

    @Test
    void moreThanAThousandIdsNoMomentOrNoUuidsAre400Problems() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        String token = TestTokens.serviceAccount("profile-service");
        ask(token, Map.of("subjectIds", tooMany, "since", SINCE))
                .statusCode(400)
                .contentType("application/problem+json")
                .body(containsString("subjectIds"));
        ask(token, Map.of("subjectIds", List.of(UUID.randomUUID())))
                .statusCode(400)
                .contentType("application/problem+json")
                .body(containsString("since"));
        ask(token, Map.of("subjectIds", List.of("not-a-uuid"), "since", SINCE))
                .statusCode(400)
                .contentType("application/problem+json")
                .body(containsString("subjectIds"));
        ask(token, Map.of("subjectIds", List.of(UUID.randomUUID()), "since", "yesterday"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body(containsString("since"));
    }

    private static ValidatableResponse ask(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(PATH)
                .then();
    }

    private static UUID ordered(String at) {
        UUID subject = UUID.randomUUID();
        Orders.importAll(List.of(
                Orders.order("SA-" + UUID.randomUUID(), subject, Instant.parse(at), "SKU-1", "tea", 1, "4.50")));
        return subject;
    }

    private static UUID cartChangedAt(String at) {
        UUID subject = UUID.randomUUID();
        CartResourceTest.putCart(subject, "SKU-1", 1).then().statusCode(200);
        TestDatabase.execute(
                "UPDATE cart SET updated_at = ? WHERE subject_id = ?", Timestamp.from(Instant.parse(at)), subject);
        return subject;
    }
}
