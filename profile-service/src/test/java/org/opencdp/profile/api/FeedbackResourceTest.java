package org.opencdp.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.opencdp.profile.api.CustomerFixtures.CUSTOMERS;
import static org.opencdp.profile.api.CustomerFixtures.as;
import static org.opencdp.profile.api.CustomerFixtures.created;
import static org.opencdp.profile.api.CustomerFixtures.person;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencdp.subjectrights.SubjectRestrictions;
import org.opencdp.testsupport.TestDatabase;
import org.opencdp.testsupport.TestTokens;
import org.opencdp.testsupport.WithPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithPostgres
class FeedbackResourceTest {

    @Inject
    SubjectRestrictions restrictions;

    static String feedbackOf(UUID customerId) {
        return CUSTOMERS + "/" + customerId + "/feedback";
    }

    static Map<String, Object> nps(int score) {
        Map<String, Object> answer = new HashMap<>();
        answer.put("nps", score);
        answer.put("source", "AFTER_CALL");
        answer.put("comment", "Quick and friendly help");
        return answer;
    }

    private static long storedFor(UUID customerId) {
        return TestDatabase.count("SELECT count(*) FROM customer_feedback WHERE subject_id = ?", customerId)
                + TestDatabase.count("SELECT count(*) FROM timeline_entry WHERE subject_id = ?", customerId);
    }

    @Test
    void anAgentRecordsAnNpsAnswerWhichAlsoStandsOnTheTimeline() {
        UUID customer = created(person());

        String entry = as("service")
                .body(nps(9))
                .when()
                .post(feedbackOf(customer))
                .then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("customerId", equalTo(customer.toString()))
                .body("measure", equalTo("NPS"))
                .body("score", equalTo(9))
                .body("comment", equalTo("Quick and friendly help"))
                .body("source", equalTo("AFTER_CALL"))
                .body("answeredAt", notNullValue())
                .extract()
                .path("timelineEntryId");

        as("service")
                .queryParam("channel", "FEEDBACK")
                .when()
                .get(CUSTOMERS + "/" + customer + "/timeline")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(entry))
                .body("items[0].direction", equalTo("INBOUND"))
                .body("items[0].summary", equalTo("NPS 9 (AFTER_CALL): Quick and friendly help"))
                .body("items[0].businessLetter", equalTo(false));
        byte[] comment =
                (byte[]) TestDatabase.rows("SELECT comment FROM customer_feedback WHERE subject_id = ?", customer)
                        .getFirst()
                        .get("comment");
        assertThat(new String(comment, StandardCharsets.ISO_8859_1)).doesNotContain("friendly");
    }

    @Test
    void anIntegrationRecordsACsatAnswerAboutACall() {
        UUID customer = created(person());
        String call = as("service")
                .body(TimelineResourceTest.call("2026-11-26T14:03:00Z"))
                .when()
                .post(CUSTOMERS + "/" + customer + "/timeline")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().auth()
                .oauth2(TestTokens.serviceAccount("integrations"))
                .contentType(ContentType.JSON)
                .body(Map.of("csat", 4, "source", "AFTER_CALL", "timelineEntryId", call))
                .when()
                .post(feedbackOf(customer))
                .then()
                .statusCode(201)
                .body("measure", equalTo("CSAT"))
                .body("score", equalTo(4))
                .body("aboutTimelineEntryId", equalTo(call));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"source\":\"AGENT\"}",
                "{\"csat\":4,\"nps\":9,\"source\":\"AGENT\"}",
                "{\"csat\":6,\"source\":\"AGENT\"}",
                "{\"csat\":0,\"source\":\"AGENT\"}",
                "{\"nps\":11,\"source\":\"AGENT\"}",
                "{\"nps\":-1,\"source\":\"AGENT\"}",
                "{\"nps\":9}",
                "{\"nps\":9,\"source\":\"PIGEON\"}",
                "{\"nps\":9,\"source\":\"AGENT\",\"answeredAt\":\"2999-01-01T00:00:00Z\"}",
                "{\"nps\":9,\"source\":\"AGENT\",\"comment\":\"card 4111 1111 1111 1111\"}",
                "{\"nps\":9,\"source\":\"AGENT\",\"timelineEntryId\":\"3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b\"}",
                "{\"nps\":9,\"source\":\"AGENT\",\"score\":9}",
                "{\"nps\":9,"
            })
    void badInputIsA400ProblemAndNothingIsStored(String body) {
        UUID customer = created(person());
        as("sales")
                .body(body)
                .when()
                .post(feedbackOf(customer))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(storedFor(customer)).isZero();
    }

    @Test
    void bothMeasuresOrNoneNameTheField() {
        UUID customer = created(person());
        as("sales")
                .body(Map.of("csat", 4, "nps", 9, "source", "AGENT"))
                .when()
                .post(feedbackOf(customer))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("nps"));
    }

    @Test
    void anEntryOfAnotherCustomerCannotBeRated() {
        UUID customer = created(person());
        UUID other = created(person());
        String call = as("service")
                .body(TimelineResourceTest.call("2026-11-26T14:03:00Z"))
                .when()
                .post(CUSTOMERS + "/" + other + "/timeline")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> answer = nps(9);
        answer.put("timelineEntryId", call);

        as("sales")
                .body(answer)
                .when()
                .post(feedbackOf(customer))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("timelineEntryId"));
        assertThat(storedFor(customer)).isZero();
    }

    @Test
    void anUnknownCustomerIs404AndARestrictedOneIs409() {
        as("sales")
                .body(nps(9))
                .when()
                .post(feedbackOf(UUID.randomUUID()))
                .then()
                .statusCode(404);
        UUID customer = created(person());
        restrictions.restrict(
                customer,
                SubjectRestrictions.Basis.ART18_REQUEST,
                UUID.randomUUID(),
                LocalDate.now().plusDays(30));
        as("sales").body(nps(9)).when().post(feedbackOf(customer)).then().statusCode(409);
        assertThat(storedFor(customer)).isZero();
    }

    @Test
    void withoutATokenIs401() {
        given().contentType(ContentType.JSON)
                .body(nps(9))
                .when()
                .post(feedbackOf(created(person())))
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"marketing", "analyst", "dpo", "admin"})
    void onlyAgentsAndIntegrationsRecordAnswers(String role) {
        UUID customer = created(person());
        as(role).body(nps(9)).when().post(feedbackOf(customer)).then().statusCode(403);
        given().auth()
                .oauth2(TestTokens.serviceAccount("retention-service"))
                .contentType(ContentType.JSON)
                .body(nps(9))
                .when()
                .post(feedbackOf(customer))
                .then()
                .statusCode(403);
        assertThat(storedFor(customer)).isZero();
    }
}
